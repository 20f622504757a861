import readline from "node:readline";
import pg from "pg";
import { openEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";

/**
 * Stands in for a running `npm start` in tests (or, with "command", a running
 * user:create): opens the embedded database (owning the server it starts), migrates, keeps a connection pool
 * like the site does, and answers one command per stdin line with one JSON line:
 *   count-users <email>  → {"count": n}, through its own pool
 *   stop                 → stops its server, {"stopped": true}, exits
 * Usage: node --import tsx tests/support/embedded-owner-process.ts <dataDir> <port> [app|command]
 */
const [dataDir, port, purposeArgument] = process.argv.slice(2);
const purpose = purposeArgument === "command" ? "command" : "app";
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

async function main() {
  const database = await openEmbeddedPostgres({ dataDir: dataDir!, port: Number(port), database: "broadsheet", purpose });
  await migrate(database.url);
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  // pool.end() resolves before idle sockets close, so stopping the server right after can hit one;
  // a server lost at any other moment shows up as an {"error"} answer to count-users.
  pool.on("error", () => undefined);
  say({ ready: true, pid: process.pid, url: database.url, owned: database.owned });

  for await (const line of readline.createInterface({ input: process.stdin })) {
    const [command, argument] = line.trim().split(" ");
    try {
      if (command === "count-users") {
        const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM "User" WHERE email = $1`, [argument]);
        say({ count: rows[0]!.count });
      } else if (command === "stop") {
        await pool.end();
        await database.stop();
        say({ stopped: true });
        process.exit(0);
      }
    } catch (error) {
      say({ error: error instanceof Error ? error.message : String(error) });
    }
  }
}

void main();
