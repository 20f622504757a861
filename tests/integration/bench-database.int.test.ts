import crypto from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { BENCH_MARKER, benchDatabaseState, benchEditTitle, NotABenchDatabase, openBenchDatabase } from "../../scripts/bench-data";
import { query } from "../support/databases";

/** npm run bench:seed rewrites a database: it must refuse any database not made for it. */
const created: string[] = [];
async function createDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL! });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  created.push(name);
  const url = new URL(process.env.TEST_ADMIN_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}
afterAll(async () => {
  const admin = new pg.Client({ connectionString: process.env.TEST_ADMIN_URL! });
  await admin.connect();
  for (const name of created) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
});

describe("the bench database", () => {
  it("refuses the application's database (a name not ending in _bench), whatever it holds", async () => {
    await expect(benchDatabaseState(process.env.DATABASE_URL!)).rejects.toThrow(NotABenchDatabase);
    const before = await query<{ n: string }>(process.env.DATABASE_URL!, `SELECT count(*) AS n FROM "User"`);
    expect(before).toHaveLength(1);
  });

  it("refuses BENCH_DATABASE_URL naming another database", async () => {
    const saved = process.env.BENCH_DATABASE_URL;
    process.env.BENCH_DATABASE_URL = process.env.DATABASE_URL;
    try {
      await expect(openBenchDatabase(() => undefined)).rejects.toThrow(/ends in _bench/);
    } finally {
      if (saved === undefined) delete process.env.BENCH_DATABASE_URL;
      else process.env.BENCH_DATABASE_URL = saved;
    }
  });

  it("takes an empty *_bench database, refuses one with users that bench:seed did not fill, and knows its own", async () => {
    const url = await createDatabase(`bs_${crypto.randomBytes(4).toString("hex")}_bench`);
    expect(await benchDatabaseState(url)).toBe("empty");
    await migrate(url, { log: () => undefined });
    expect(await benchDatabaseState(url)).toBe("empty");
    await query(url, `INSERT INTO "User" (id, email, username, "displayName", "updatedAt") VALUES ('u1', 'someone@example.com', 'someone', 'Someone', now())`);
    await expect(benchDatabaseState(url)).rejects.toThrow(/not filled by npm run bench:seed/);
    await query(url, `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ($1, '{}', now())`, [BENCH_MARKER]);
    expect(await benchDatabaseState(url)).toBe("bench");
  });

  it("edits an article's title by a marker that replaces earlier runs' markers, so repeated runs stay within the 200-character limit", () => {
    let title = "Harbour ferry returns after two winters of repairs to the old pier";
    for (let run = 0; run < 20; run++) for (let n = 1; n <= 3; n++) title = benchEditTitle(title, n, 1_790_000_000_000 + run);
    expect(title).toBe("Harbour ferry returns after two winters of repairs to the old pier (edit 3 at 1790000000019)");
    expect(title.length).toBeLessThanOrEqual(200);
  });
});
