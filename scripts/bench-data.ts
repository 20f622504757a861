import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";

/**
 * The benchmark's own database (npm run bench:seed fills it, npm run bench
 * serves it): an embedded PostgreSQL in .data/bench-pg (BENCH_PG_PORT, default
 * 54395), database `broadsheet_bench`; or BENCH_DATABASE_URL, whose database
 * name must end in `_bench`. Never DATABASE_URL: the bench must not touch a
 * database that holds anything else.
 */
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54395);
export const BENCH_PASSWORD = "bench-only-password-2026";
export const BENCH_AUTHOR_EMAIL = "bench-author@bench.test";
export const BENCH_READER_EMAIL = "bench-reader@bench.test";
/** Setting row that marks a database as filled by bench:seed. */
export const BENCH_MARKER = "bench.dataset";

export class NotABenchDatabase extends Error {}

export async function openBenchDatabase(log: (line: string) => void): Promise<{ url: string; stop: () => Promise<void> }> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const name = decodeURIComponent(new URL(external).pathname.slice(1));
    if (!/_bench$/.test(name)) {
      throw new NotABenchDatabase(`BENCH_DATABASE_URL names the database "${name}": the bench only uses a database whose name ends in _bench (it rewrites its content).`);
    }
    return { url: external, stop: async () => undefined };
  }
  const server: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir: path.resolve(".data", "bench-pg"), port: BENCH_PG_PORT, database: "broadsheet_bench", purpose: "command", log });
  return { url: server.url, stop: () => server.stop() };
}

/**
 * "empty": no users yet (fresh); "bench": filled by bench:seed; throws for
 * anything else (a database with other content is never touched).
 */
export async function benchDatabaseState(url: string): Promise<"empty" | "bench"> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(`SELECT current_database() AS name`);
    if (!/_bench$/.test(rows[0]!.name)) throw new NotABenchDatabase(`Refusing to use database "${rows[0]!.name}": not a bench database (name ending in _bench).`);
    const hasUsers = await client.query(`SELECT to_regclass('"User"') IS NOT NULL AS present`);
    if (!hasUsers.rows[0].present) return "empty";
    const users = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "User"`);
    if (Number(users.rows[0]!.n) === 0) return "empty";
    const marker = await client.query(`SELECT 1 FROM "Setting" WHERE key = $1`, [BENCH_MARKER]);
    if (marker.rowCount === 0) throw new NotABenchDatabase(`Refusing to use database "${rows[0]!.name}": it has users but was not filled by npm run bench:seed.`);
    return "bench";
  } finally {
    await client.end();
  }
}

/** What the bench appends to the edited article's title; a run starts again from the title without it. */
const BENCH_EDIT_SUFFIX = / \(edit \d+ at \d+\)$/;

/**
 * The title of the bench's n-th edit of an article: its own title plus a
 * marker readers must see within a second. Earlier runs' markers are dropped
 * first (the edits are saved), so the title never outgrows the 200-character limit.
 */
export function benchEditTitle(current: string, n: number, at = Date.now()): string {
  let title = current;
  while (BENCH_EDIT_SUFFIX.test(title)) title = title.replace(BENCH_EDIT_SUFFIX, "");
  return `${title} (edit ${n} at ${at})`;
}
