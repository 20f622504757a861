import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEphemeralPostgres, type EmbeddedDatabase } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { installJobQueue } from "@/lib/jobs/install";
import { checkConnection } from "@/lib/db/bootstrap";
import { reportFatal } from "./cli";
import pg from "pg";
import crypto from "node:crypto";

/**
 * The server Playwright tests run against: a fresh database (embedded, or a new
 * database on DATABASE_URL's server), demo seed, a production build
 * (`next build` into its own folder) and the server `npm start` runs (scripts/serve.cjs). Tests read the database
 * URL from .data/e2e-<port>/env.json to assert on what was stored.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
const distDir = process.env.NEXT_DIST_DIR ?? ".next-e2e";
let database: EmbeddedDatabase | null = null;
let child: ChildProcess | null = null;
let externalCleanup: (() => Promise<void>) | null = null;

async function freshDatabase(): Promise<string> {
  if (!process.env.DATABASE_URL) {
    database = await startEphemeralPostgres("e2e", "broadsheet_e2e");
    return database.url;
  }
  await checkConnection(process.env.DATABASE_URL);
  const admin = new URL(process.env.DATABASE_URL);
  const name = `broadsheet_e2e_${crypto.randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  externalCleanup = async () => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  admin.pathname = `/${name}`;
  return admin.toString();
}

function run(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [require.resolve("next/dist/bin/next"), ...args], { stdio: "inherit", env });
}

/** The production server npm start runs (scripts/serve.cjs: Next.js behind the page cache's hot path). */
function serve(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ["scripts/serve.cjs", ...args], { stdio: "inherit", env });
}

async function stopAll(code: number): Promise<never> {
  if (child && child.exitCode === null) {
    child.kill("SIGTERM");
    await new Promise((r) => child?.once("exit", r));
  }
  await database?.stop().catch(() => undefined);
  await externalCleanup?.().catch(() => undefined);
  process.exit(code);
}

async function main() {
  // embedded-postgres's own exit hook would stop the database while Next is still finishing (scripts/run-app.ts).
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void stopAll(0));
  const url = await freshDatabase();
  await migrate(url);
  await installJobQueue(url);
  const uploadDir = path.resolve(".data", `e2e-${port}`, "uploads");
  fs.rmSync(uploadDir, { recursive: true, force: true });
  // Every run starts with an empty persistent page cache (its entries are also namespaced by database).
  const pageCacheDir = path.resolve(".data", `e2e-${port}`, "page-cache");
  fs.rmSync(pageCacheDir, { recursive: true, force: true });
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: url,
    UPLOAD_DIR: uploadDir,
    PAGE_CACHE_DIR: process.env.PAGE_CACHE_DIR || pageCacheDir,
    AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
    NEXTAUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    SITE_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_ENV: "production",
    // Mail stays in the outbox (/admin/mail), where the tests read it.
    SMTP_URL: "",
  };
  Object.assign(process.env, env);
  const { seedDemoContent } = await import("@/lib/seed/seed");
  const { resetEnvCache } = await import("@/lib/env");
  resetEnvCache();
  await seedDemoContent();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  fs.mkdirSync(path.resolve(".data", `e2e-${port}`), { recursive: true });
  fs.writeFileSync(path.resolve(".data", `e2e-${port}`, "env.json"), JSON.stringify({ DATABASE_URL: url, UPLOAD_DIR: uploadDir, NEXT_DIST_DIR: distDir, baseURL: `http://127.0.0.1:${port}` }));

  if (process.env.E2E_SKIP_BUILD !== "1") {
    const build = run(["build"], env);
    const code: number = await new Promise((r) => build.once("exit", (c) => r(c ?? 1)));
    if (code !== 0) await stopAll(code);
  }
  child = serve(["-p", String(port), "-H", "127.0.0.1"], env);
  child.once("exit", (code) => void stopAll(code ?? 0));
}

main().catch(async (error) => {
  await database?.stop().catch(() => undefined);
  reportFatal(error);
});
