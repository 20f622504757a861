import { spawn, type ChildProcess } from "node:child_process";
import { parseEnv } from "@/lib/env";
import { isPortFree } from "@/lib/db/embedded-postgres";
import { nextProcessEnv, prepareDatabase, StartupError, type PreparedDatabase } from "@/lib/db/bootstrap";
import { ensureBuild } from "./build-app";
import { reportFatal, step } from "./cli";

/**
 * `npm run dev` / `npm start`: database (embedded unless DATABASE_URL), migrations,
 * demo seed on first start, then Next.js (`start`: the existing production build,
 * built first only when missing or its sources changed, see build-app.ts, served
 * by scripts/serve.cjs: Next.js behind the page cache's hot path).
 * Stops the PostgreSQL it started when Next exits or on Ctrl-C, so no orphan
 * postgres is left behind; a server it found running is left running.
 *
 * SIGTERM/SIGINT (systemd, Docker, Ctrl-C): forwarded to Next, which stops
 * accepting connections, finishes the requests in flight and its background
 * work (lib/shutdown.ts), and exits; only then is the embedded database
 * stopped. A child that has not exited after CHILD_STOP_TIMEOUT_MS is killed.
 */
const mode = process.argv[2] === "start" ? "start" : "dev";
let prepared: PreparedDatabase | null = null;
let child: ChildProcess | null = null;
let shuttingDown = false;
const buildAbort = new AbortController();
/** Longer than lib/shutdown.ts's own limit (25 s), so Next gets to finish. */
const CHILD_STOP_TIMEOUT_MS = 30_000;

async function stopChild(signal: NodeJS.Signals): Promise<void> {
  const running = child;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill(signal);
  const killer = setTimeout(() => {
    step(`next did not stop within ${CHILD_STOP_TIMEOUT_MS / 1000} s; killing it`);
    running.kill("SIGKILL");
  }, CHILD_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(killer);
}

async function shutdown(code: number, signal: NodeJS.Signals = "SIGTERM"): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    buildAbort.abort();
    await stopChild(signal);
    if (prepared?.embedded?.owned) step("stopping the database");
    await prepared?.embedded?.stop().catch(() => undefined);
  }
  process.exit(code);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(command, args, { stdio: "inherit", env });
}

async function main() {
  const config = parseEnv(process.env);
  if (!(await isPortFree(config.PORT, "0.0.0.0"))) {
    throw new StartupError(`Port ${config.PORT} is already in use.`, "Stop whatever is using it, or pick another with PORT=<port>.");
  }
  // embedded-postgres (through async-exit-hook) stops its servers on SIGINT/SIGTERM by itself and
  // exits as soon as they are down, while Next may still be finishing requests that need them.
  // This process owns the order instead: its handlers are the only ones.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
  // The same signal goes to Next (SIGHUP becomes SIGTERM: Next handles only SIGINT and SIGTERM).
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0, signal === "SIGHUP" ? "SIGTERM" : signal));

  prepared = await prepareDatabase({ log: step, seed: "if-empty-embedded", purpose: "app" });
  const childEnv = nextProcessEnv(prepared, config.SITE_URL);
  const next = require.resolve("next/dist/bin/next");

  if (mode === "start") {
    // Serve the existing build when it is the build of these sources; build only when there is none or it is stale.
    await ensureBuild({ root: process.cwd(), distDir: config.NEXT_DIST_DIR, env: childEnv, log: step, signal: buildAbort.signal });
  }
  const stops = prepared.embedded?.owned ? "the app and its database" : "the app";
  step(`ready: ${config.SITE_URL} (${mode === "dev" ? "development" : "production"}; Ctrl-C stops ${stops})`);
  // start: Next.js behind the page cache's hot path (scripts/serve.cjs); dev: `next dev` as is.
  const args = mode === "start" ? ["scripts/serve.cjs", "-p", String(config.PORT)] : [next, mode, "-p", String(config.PORT)];
  child = run(process.execPath, args, mode === "start" ? { ...childEnv, NODE_ENV: "production" } : childEnv);
  // Next exited by itself (a crash, or the signal we forwarded: then shutdown() is already stopping the database).
  child.once("exit", (code) => {
    if (!shuttingDown) void shutdown(code ?? 1);
  });
}

main().catch(async (error) => {
  await prepared?.embedded?.stop().catch(() => undefined);
  reportFatal(error);
});
