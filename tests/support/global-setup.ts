import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEphemeralPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { checkConnection } from "@/lib/db/bootstrap";
import { installJobQueue } from "@/lib/jobs/install";

/**
 * One real PostgreSQL per test run: a fresh embedded server (or the server in
 * DATABASE_URL, where a fresh database is created). The migrated template
 * database is cloned per worker in worker-setup.ts.
 */
export const TEMPLATE_DB = "broadsheet_test_template";

let server: EmbeddedDatabase | null = null;

declare module "vitest" {
  export interface ProvidedContext {
    adminUrl: string;
    runId: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  let adminUrl: string;
  if (process.env.DATABASE_URL) {
    await checkConnection(process.env.DATABASE_URL);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = "/postgres";
    adminUrl = url.toString();
  } else {
    server = await startEphemeralPostgres("vitest", "postgres");
    adminUrl = server.url;
  }
  const template = `${TEMPLATE_DB}_${runId}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(template)}`);
  await admin.end();
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${template}`;
  await migrate(templateUrl.toString());
  // The job queue's schema (graphile_worker) is cloned with the template into every worker's database.
  await installJobQueue(templateUrl.toString());

  project.provide("adminUrl", adminUrl);
  project.provide("runId", runId);

  return async () => {
    if (server) {
      await server.stop();
    } else {
      // External server: drop what this run created.
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`%${runId}%`]);
      for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(row.datname)} WITH (FORCE)`);
      await client.end();
    }
  };
}
