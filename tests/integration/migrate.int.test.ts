import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { migrate, readMigrations, MigrationError } from "@/lib/db/migrate";
import { createEmptyDatabase, query } from "@/tests/support/databases";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function emptyDb() {
  const db = await createEmptyDatabase();
  cleanups.push(db.drop);
  return db.url;
}

function tempMigrations(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bs-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(dir, name));
    fs.writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("db:migrate runner (Prisma Migrate bookkeeping)", () => {
  it("applies every migration once and records it as Prisma does", async () => {
    const url = await emptyDb();
    const first = await migrate(url);
    expect(first.applied.length).toBe(readMigrations().length);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number; rolled_back_at: Date | null; id: string }>(
      url,
      `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    for (const [i, migration] of readMigrations().entries()) {
      const bytes = fs.readFileSync(path.join("prisma", "migrations", migration.name, "migration.sql"));
      expect(rows[i]!.migration_name).toBe(migration.name);
      expect(rows[i]!.checksum).toBe(crypto.createHash("sha256").update(bytes).digest("hex"));
      expect(rows[i]!.finished_at).toBeInstanceOf(Date);
      expect(rows[i]!.rolled_back_at).toBeNull();
      expect(rows[i]!.applied_steps_count).toBe(1);
      expect(rows[i]!.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toBe(readMigrations().length);
  });

  it("never migrates twice when two runners start together", async () => {
    const url = await emptyDb();
    const dir = tempMigrations({ "20260101000000_one": `CREATE TABLE "Counter" (n int); INSERT INTO "Counter" VALUES (1);` });
    const results = await Promise.all([migrate(url, { dir }), migrate(url, { dir }), migrate(url, { dir })]);
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 1]);
    expect(await query(url, `SELECT * FROM "Counter"`)).toHaveLength(1);
  });

  it("refuses when an applied migration file was edited", async () => {
    const url = await emptyDb();
    const dir = tempMigrations({ "20260101000000_one": `CREATE TABLE "A" (id int);` });
    await migrate(url, { dir });
    fs.writeFileSync(path.join(dir, "20260101000000_one", "migration.sql"), `CREATE TABLE "A" (id bigint);`);
    await expect(migrate(url, { dir })).rejects.toThrow(/was edited after it was applied/);
  });

  it("accepts the same file with CRLF line endings", async () => {
    const url = await emptyDb();
    const dir = tempMigrations({ "20260101000000_one": `CREATE TABLE "A" (id int);\nCREATE TABLE "B" (id int);\n` });
    await migrate(url, { dir });
    fs.writeFileSync(path.join(dir, "20260101000000_one", "migration.sql"), `CREATE TABLE "A" (id int);\r\nCREATE TABLE "B" (id int);\r\n`);
    await expect(migrate(url, { dir })).resolves.toMatchObject({ applied: [] });
  });

  it("rolls a failing migration back whole and lets a fixed one run later", async () => {
    const url = await emptyDb();
    const dir = tempMigrations({ "20260101000000_bad": `CREATE TABLE "Half" (id int); SELECT * FROM "missing_table";` });
    const error = await migrate(url, { dir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect(await query(url, `SELECT to_regclass('"Half"') AS t`)).toEqual([{ t: null }]);
    fs.writeFileSync(path.join(dir, "20260101000000_bad", "migration.sql"), `CREATE TABLE "Half" (id int);`);
    await expect(migrate(url, { dir })).resolves.toMatchObject({ applied: ["20260101000000_bad"] });
  });

  it("stops on a failed migration left unresolved, as Prisma does", async () => {
    const url = await emptyDb();
    const dir = tempMigrations({ "20260101000000_one": `SELECT 1;` });
    await migrate(url, { dir: tempMigrations({}) });
    await query(url, `INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ('00000000-0000-0000-0000-000000000000', 'x', '20250101000000_crashed')`);
    await expect(migrate(url, { dir })).rejects.toThrow(/20250101000000_crashed failed earlier/);
  });
});
