import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * Applies prisma/migrations with the pg driver and records them in
 * `_prisma_migrations` exactly as Prisma Migrate does, so `prisma migrate deploy`
 * and this runner treat each other's work as applied. Invariants (see
 * lib/db/README.md): same advisory lock key as Prisma, one transaction per
 * migration, checksum = sha256 of migration.sql (CRLF and LF compare equal),
 * an edited applied migration or a failed one stops everything.
 */

export const PRISMA_ADVISORY_LOCK_KEY = 72707369;
export const DEFAULT_MIGRATIONS_DIR = path.resolve("prisma", "migrations");

export class MigrationError extends Error {
  constructor(message: string, public readonly hint: string) {
    super(message);
    this.name = "MigrationError";
  }
}

export type MigrationFile = { name: string; sql: string; checksum: string; checksumLf: string; checksumCrlf: string };

const sha256 = (text: string | Buffer) => crypto.createHash("sha256").update(text).digest("hex");

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, "migration.sql"));
      const text = bytes.toString("utf8");
      const lf = text.replace(/\r\n/g, "\n");
      return {
        name,
        sql: text,
        checksum: sha256(bytes),
        checksumLf: sha256(lf),
        checksumCrlf: sha256(lf.replace(/\n/g, "\r\n")),
      };
    });
}

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

type AppliedRow = {
  id: string;
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
};

export type MigrateResult = { applied: string[]; alreadyApplied: number };

export async function migrate(databaseUrl: string, options: { dir?: string; log?: (line: string) => void } = {}): Promise<MigrateResult> {
  const migrations = readMigrations(options.dir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      await client.query(CREATE_TABLE);
      const { rows } = await client.query<AppliedRow>(
        `SELECT id, migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      );

      const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
      if (failed) {
        throw new MigrationError(
          `Migration ${failed.migration_name} failed earlier and was never resolved.`,
          `Fix the database by hand, then mark it with \`prisma migrate resolve --rolled-back ${failed.migration_name}\` (or delete its row in _prisma_migrations) and run again.`,
        );
      }

      const applied = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
      const known = new Set(migrations.map((m) => m.name));
      for (const migration of migrations) {
        const row = applied.get(migration.name);
        if (row && ![migration.checksum, migration.checksumLf, migration.checksumCrlf].includes(row.checksum)) {
          throw new MigrationError(
            `Migration ${migration.name} was edited after it was applied (its checksum changed).`,
            "Never edit an applied migration: restore the file from version control and put the change in a new migration.",
          );
        }
      }
      const missing = [...applied.keys()].filter((name) => !known.has(name));
      if (missing.length > 0) {
        options.log?.(`warning: the database has migrations this checkout does not: ${missing.join(", ")}`);
      }

      const pending = migrations.filter((m) => !applied.has(m.name));
      for (const migration of pending) {
        const id = crypto.randomUUID();
        // Recorded as started first, so a crash mid-way leaves a visible failed row, as with Prisma.
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        try {
          await client.query("BEGIN");
          await client.query(migration.sql);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          const message = error instanceof Error ? error.message : String(error);
          await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [id, message]);
          throw new MigrationError(
            `Migration ${migration.name} failed and was rolled back: ${message}`,
            "Fix the migration SQL (it was not applied), then run again.",
          );
        }
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        options.log?.(`applied migration ${migration.name}`);
      }
      return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}
