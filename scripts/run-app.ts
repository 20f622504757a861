import { spawn, type ChildProcess } from "node:child_process";
import { parseEnv } from "@/lib/env";
import { isPortFree } from "@/lib/db/embedded-postgres";
import { prepareDatabase, StartupError, type PreparedDatabase } from "@/lib/db/bootstrap";
import { ensureBuild } from "./build-app";
import { reportFatal, step } from "./cli";

/**
 * `npm run dev` / `npm start`: database (embedded unless DATABASE_URL), migrations,
 * demo seed on first start, then Next.js (`start`: the existing production build,
 * built first only when missing or its sources changed; see build-app.ts).
 * Stops the PostgreSQL it started when Next exits or on Ctrl-C, so no orphan
 * postgres is left behind; a server it found running is left running.
 */
const mode = process.argv[2] === "start" ? "start" : "dev";
let prepared: PreparedDatabase | null = null;
let child: ChildProcess | null = null;
let shuttingDown = false;
const buildAbort = new AbortController();

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    buildAbort.abort();
    if (child && child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((resolve) => child?.once("exit", resolve));
    }
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
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => void shutdown(0));

  prepared = await prepareDatabase({ log: step, seed: "if-empty-embedded", purpose: "app" });
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: prepared.url,
    AUTH_SECRET: prepared.authSecret,
    NEXTAUTH_SECRET: prepared.authSecret,
    NEXTAUTH_URL: config.SITE_URL,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const next = require.resolve("next/dist/bin/next");

  if (mode === "start") {
    // Serve the existing build when it is the build of these sources; build only when there is none or it is stale.
    await ensureBuild({ root: process.cwd(), distDir: config.NEXT_DIST_DIR, env: childEnv, log: step, signal: buildAbort.signal });
  }
  const stops = prepared.embedded?.owned ? "the app and its database" : "the app";
  step(`ready: ${config.SITE_URL} (${mode === "dev" ? "development" : "production"}; Ctrl-C stops ${stops})`);
  child = run(process.execPath, [next, mode, "-p", String(config.PORT)], mode === "start" ? { ...childEnv, NODE_ENV: "production" } : childEnv);
  child.once("exit", (code) => void shutdown(code ?? 0));
}

main().catch(async (error) => {
  await prepared?.embedded?.stop().catch(() => undefined);
  reportFatal(error);
});
