import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { parseEnv } from "@/lib/env";
import { openEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import type { OwnerPurpose } from "@/lib/db/embedded-server-owner";
import { migrate } from "@/lib/db/migrate";
import { installJobQueue } from "@/lib/jobs/install";

/**
 * Everything that must happen before the web server starts: pick the database
 * (external DATABASE_URL, else embedded under .data/postgres), apply
 * migrations, seed demo content on a fresh embedded database. Prints one line
 * per step; failures are thrown as StartupError with a fix.
 */

export class StartupError extends Error {
  constructor(message: string, public readonly hint: string) {
    super(message);
    this.name = "StartupError";
  }
}

export type PreparedDatabase = { url: string; embedded: EmbeddedDatabase | null; authSecret: string };

/** The environment `next build` / `next start` get: the prepared database and secret, and the site's address for next-auth. */
export function nextProcessEnv(prepared: PreparedDatabase, siteUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: prepared.url,
    AUTH_SECRET: prepared.authSecret,
    NEXTAUTH_SECRET: prepared.authSecret,
    NEXTAUTH_URL: siteUrl,
    NEXT_TELEMETRY_DISABLED: "1",
  };
}

export async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || error.name : String(error);
    const where = (() => {
      try {
        const u = new URL(url);
        return `${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}`;
      } catch {
        return "the configured server";
      }
    })();
    throw new StartupError(
      `Cannot reach PostgreSQL at ${where}: ${reason}`,
      "Check that the server is running and DATABASE_URL (user, password, host, port, database) is right, or unset DATABASE_URL to use the embedded database.",
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Dev convenience: a random secret kept in .data/, used only when AUTH_SECRET is unset and the database is embedded. */
function localAuthSecret(): string {
  const file = path.resolve(".data", "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export async function prepareDatabase(options: {
  log: (line: string) => void;
  seed: "if-empty-embedded" | "never" | "if-empty";
  /**
   * "app" (dev/start) owns the embedded server it starts; a "command" (user:create,
   * db:migrate, db:seed) uses the server already running and never stops it.
   */
  purpose: OwnerPurpose;
  /** Command-line tools that never sign anyone in (user:create) don't need AUTH_SECRET. */
  requireAuthSecret?: boolean;
}): Promise<PreparedDatabase> {
  const config = parseEnv(process.env);
  let embedded: EmbeddedDatabase | null = null;
  let url: string;
  if (config.DATABASE_URL) {
    url = config.DATABASE_URL;
    await checkConnection(url);
    const u = new URL(url);
    options.log(`database: external PostgreSQL at ${u.hostname}:${u.port || 5432}/${u.pathname.slice(1)}`);
  } else {
    embedded = await openEmbeddedPostgres({
      dataDir: path.resolve(config.EMBEDDED_PG_DATA_DIR),
      port: config.EMBEDDED_PG_PORT,
      database: "broadsheet",
      purpose: options.purpose,
      log: options.log,
    });
    url = embedded.url;
    options.log(`database: embedded PostgreSQL in ${config.EMBEDDED_PG_DATA_DIR}, ${embedded.description}`);
  }

  const authSecret = config.AUTH_SECRET ?? (embedded ? localAuthSecret() : undefined) ?? "";
  if (!authSecret && options.requireAuthSecret !== false) {
    await embedded?.stop();
    throw new StartupError("AUTH_SECRET is not set.", "Set AUTH_SECRET to a random string of 32+ characters (openssl rand -base64 32); every instance needs the same value.");
  }

  try {
    const result = await migrate(url);
    options.log(`migrations: ${result.applied.length} applied, ${result.alreadyApplied} already up to date`);
    await installJobQueue(url, options.log);
    options.log("job queue: graphile_worker schema ready");
    process.env.DATABASE_URL = url;
    if (options.seed === "if-empty" || (options.seed === "if-empty-embedded" && embedded)) {
      // Imported late: the seed pulls in Prisma and sharp, which other steps don't need.
      const { seedDemoContent } = await import("@/lib/seed/seed");
      const seeded = await seedDemoContent((line) => options.log(line));
      options.log(seeded.seeded ? "seed: demo content created (demo logins in README.md)" : "seed: skipped, the database already has content");
      const { disconnectDb } = await import("@/lib/db");
      await disconnectDb();
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, embedded, authSecret };
}
