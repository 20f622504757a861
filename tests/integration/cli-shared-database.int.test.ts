import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { EmbeddedServerInUseError, findFreePort, openEmbeddedPostgres, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { OWNER_FILE, currentProcessIdentity, inspectEmbeddedServer, readPostmasterLock, writeOwnerFile } from "@/lib/db/embedded-server-owner";
import { signInWithPassword } from "@/lib/auth/sign-in";
import {
  cliEnv,
  isAlive,
  parentPid,
  postmasterPid,
  runCommand,
  scalar,
  startDetachedWithPgCtl,
  startOwnerProcess,
  stopPostmaster,
  userCreate,
  waitUntil,
  withDatabase,
  type OwnerProcess,
} from "@/tests/support/cli-processes";

/**
 * The command line (`npm run user:create`) while something else runs the
 * embedded PostgreSQL: it must use that server and never stop it.
 */

const base = fs.mkdtempSync(path.resolve(".data", "tmp", "cli-shared-"));
fs.chmodSync(base, 0o755);
// Exactly what each test started: owner processes, then postmasters (by pid).
const owners: OwnerProcess[] = [];
const started: number[] = [];
afterEach(async () => {
  for (const owner of owners.splice(0)) {
    if (owner.isRunning()) {
      process.kill(owner.pid, "SIGKILL");
      await owner.exited;
    }
  }
  for (const pid of started.splice(0)) await stopPostmaster(pid);
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

const PASSWORD = "a-long-passphrase-for-cli-tests";
const DB_PASSWORD = "broadsheet-local";

/** An initialised data directory with the app's database, no server running. */
async function initialisedDataDir(name: string): Promise<string> {
  const dataDir = path.join(base, name);
  const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "broadsheet" });
  await server.stop();
  return dataDir;
}

describe("npm run user:create while the embedded database is in use", () => {
  it("[OPERATOR] creates a user on a server started detached with pg_ctl (parent PID 1), signs in at once, and the server stays up", async () => {
    const dataDir = await initialisedDataDir("detached");
    const port = await findFreePort();
    const pid = startDetachedWithPgCtl(dataDir, port);
    started.push(pid);
    // The situation from the bug report: nothing of ours is the server's parent.
    expect(parentPid(pid)).toBe(1);

    const result = await userCreate(cliEnv(dataDir, port), "detached@example.test", PASSWORD);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created AUTHOR detached@example.test");

    // Same server process, still answering, and it has the new account.
    expect(isAlive(pid)).toBe(true);
    const url = `postgresql://postgres:${DB_PASSWORD}@127.0.0.1:${port}/broadsheet`;
    expect(await scalar(url, `SELECT role::text FROM "User" WHERE email = $1`, ["detached@example.test"])).toBe("AUTHOR");
    const signedIn = await withDatabase(url, () => signInWithPassword({ email: "detached@example.test", password: PASSWORD }, "127.0.0.1"));
    expect(signedIn.id).toEqual(expect.any(String));
  }, 120_000);

  it("[OPERATOR] creates a user through the server a running app owns; the app keeps its server and sees the user at once", async () => {
    const dataDir = path.join(base, "owned");
    const port = await findFreePort();
    const app = await startOwnerProcess(dataDir, port);
    owners.push(app);
    const pid = postmasterPid(dataDir);
    started.push(pid);
    expect(inspectEmbeddedServer(dataDir).kind).toBe("owned");

    const result = await userCreate(cliEnv(dataDir, port), "owned@example.test", PASSWORD, "EDITOR");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("created EDITOR owned@example.test");

    expect(postmasterPid(dataDir)).toBe(pid);
    expect(isAlive(pid)).toBe(true);
    // The "site" still answers through its own pool, and sees the new account.
    expect(await app.ask("count-users owned@example.test")).toEqual({ count: 1 });
    const signedIn = await withDatabase(app.url, () => signInWithPassword({ email: "owned@example.test", password: PASSWORD }, "127.0.0.1"));
    expect(signedIn.id).toEqual(expect.any(String));

    // db:migrate and db:seed use the same server and leave it running too.
    for (const script of ["db:migrate", "db:seed"]) {
      const run = await runCommand("npm", ["run", "--silent", script], cliEnv(dataDir, port));
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`owned by pid ${app.pid}`);
      expect(run.stdout).toContain("left running");
    }
    expect(isAlive(pid)).toBe(true);
    expect(await app.ask("count-users owned@example.test")).toEqual({ count: 1 });

    expect(await app.ask("stop")).toEqual({ stopped: true });
    expect(await waitUntil(() => !isAlive(pid), 10_000)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE))).toBe(false);
  }, 180_000);

  it("[OPERATOR] a second app on the same data directory is refused and the first keeps its server", async () => {
    const dataDir = path.join(base, "second-app");
    const port = await findFreePort();
    const app = await startOwnerProcess(dataDir, port);
    owners.push(app);
    const pid = postmasterPid(dataDir);
    started.push(pid);

    const error = await openEmbeddedPostgres({ dataDir, port, database: "broadsheet", purpose: "app" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmbeddedServerInUseError);
    expect((error as Error).message).toContain(`already in use by another running app (pid ${app.pid}`);
    expect(isAlive(pid)).toBe(true);
    expect(await app.ask("count-users nobody@example.test")).toEqual({ count: 0 });
  }, 120_000);

  it("[OPERATOR] recovers a server whose owner died: the orphan is stopped, the user is created, nothing is left running", async () => {
    const dataDir = path.join(base, "orphan");
    const port = await findFreePort();
    const app = await startOwnerProcess(dataDir, port);
    owners.push(app);
    const orphan = postmasterPid(dataDir);
    started.push(orphan);
    process.kill(app.pid, "SIGKILL");
    await app.exited;
    expect(isAlive(orphan)).toBe(true);
    expect(inspectEmbeddedServer(dataDir)).toMatchObject({ kind: "orphaned", reason: `its owner (pid ${app.pid}) has exited` });

    const result = await userCreate(cliEnv(dataDir, port), "orphan@example.test", PASSWORD);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(isAlive(orphan)).toBe(false);
    expect(inspectEmbeddedServer(dataDir).kind).toBe("stopped");
    expect(fs.existsSync(path.join(dataDir, OWNER_FILE))).toBe(false);

    const check = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "broadsheet" });
    try {
      expect(await scalar(check.url, `SELECT count(*)::int FROM "User" WHERE email = $1`, ["orphan@example.test"])).toBe(1);
    } finally {
      await check.stop();
    }
  }, 120_000);

  it("[OPERATOR] a recycled owner pid (alive, but started at another time) counts as a dead owner", async () => {
    const dataDir = await initialisedDataDir("recycled");
    const port = await findFreePort();
    const pid = startDetachedWithPgCtl(dataDir, port);
    started.push(pid);
    // An owner file naming a live process (this one) with another start time: its owner is gone, the pid reused.
    const lock = readPostmasterLock(dataDir)!;
    const me = currentProcessIdentity();
    writeOwnerFile(dataDir, {
      owner: { ...me, startTime: String(Number(me.startTime) - 1), purpose: "app", command: "an earlier npm start" },
      postmaster: { pid: lock.pid, startStamp: lock.startStamp },
      dataDir,
      host: "127.0.0.1",
      port,
      user: "postgres",
      database: "broadsheet",
      writtenAt: new Date().toISOString(),
    });
    expect(inspectEmbeddedServer(dataDir)).toMatchObject({ kind: "orphaned", reason: expect.stringContaining("now belongs to another process") });

    // With the real start time the same file names a live owner.
    writeOwnerFile(dataDir, { ...JSON.parse(fs.readFileSync(path.join(dataDir, OWNER_FILE), "utf8")), owner: { ...me, purpose: "app", command: "npm start" } });
    expect(inspectEmbeddedServer(dataDir).kind).toBe("owned");
    expect(isAlive(pid)).toBe(true);
  }, 120_000);

  it("[OPERATOR] an app starting while a command owns the server waits for it, then owns a server of its own", async () => {
    const dataDir = path.join(base, "command-first");
    const port = await findFreePort();
    const command = await startOwnerProcess(dataDir, port, "command");
    owners.push(command);
    const commandsServer = postmasterPid(dataDir);
    started.push(commandsServer);

    const lines: string[] = [];
    const opening = openEmbeddedPostgres({ dataDir, port, database: "broadsheet", purpose: "app", log: (line) => lines.push(line) });
    expect(await waitUntil(() => lines.some((l) => l.includes(`waiting for a command using it to finish (pid ${command.pid}`)), 10_000)).toBe(true);
    expect(isAlive(commandsServer)).toBe(true);

    expect(await command.ask("stop")).toEqual({ stopped: true });
    const app = await opening;
    try {
      expect(app.owned).toBe(true);
      expect(postmasterPid(dataDir)).not.toBe(commandsServer);
      expect(inspectEmbeddedServer(dataDir)).toMatchObject({ kind: "owned", owner: { owner: { pid: process.pid, purpose: "app" } } });
      expect(await scalar(app.url, "SELECT 1")).toBe(1);
    } finally {
      await app.stop();
    }
  }, 120_000);
});
