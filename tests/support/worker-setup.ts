import pg from "pg";
import { inject, afterAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { disconnectDb } from "@/lib/db";

/**
 * Each worker gets its own database cloned from the migrated template, so test
 * files in different workers never see each other's rows.
 */
const adminUrl = inject("adminUrl");
const runId = inject("runId");
const template = `broadsheet_test_template_${runId}`;
const database = `broadsheet_test_${runId}_w${process.env.VITEST_POOL_ID ?? "0"}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
try {
  // Cloning a template fails while another clone of it runs: serialise.
  await admin.query("SELECT pg_advisory_lock(4242)");
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)} TEMPLATE ${admin.escapeIdentifier(template)}`);
  }
  await admin.query("SELECT pg_advisory_unlock(4242)");
} finally {
  await admin.end();
}

const url = new URL(adminUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
process.env.TEST_ADMIN_URL = adminUrl;
process.env.TEST_TEMPLATE_DB = template;
resetEnvCache();

afterAll(async () => {
  await disconnectDb();
});
