import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * Who owns the embedded PostgreSQL running on a data directory, decided with
 * certainty: the process that starts a server writes `broadsheet-owner.json`
 * into the data directory (its pid, its start time, the server it started).
 * A server counts as an orphan of ours only when that owner is provably dead
 * (pid gone, or the pid now belongs to a process started at another time) and
 * the running postmaster is the very one the owner started. Anything else
 * that runs on the directory belongs to someone else: use it, never stop it.
 * Who the server's parent is (PID 1 in containers, after `pg_ctl`) says nothing.
 */

export const OWNER_FILE = "broadsheet-owner.json";

/** A process, identified so that a recycled pid or a reboot is recognised. */
export type ProcessIdentity = {
  pid: number;
  /** Linux: /proc/<pid>/stat field 22 (clock ticks after boot); elsewhere `ps -o lstart=`. */
  startTime: string | null;
  /** Linux: /proc/sys/kernel/random/boot_id, changes on every boot. */
  bootId: string | null;
  /** Linux: the pid namespace (containers have their own, where pids mean other processes). */
  pidNamespace: string | null;
  hostname: string;
};

/** "app": a long-running `npm run dev`/`npm start`; "command": a short CLI run (user:create, db:migrate…). */
export type OwnerPurpose = "app" | "command";

export type EmbeddedServerOwner = {
  owner: ProcessIdentity & { purpose: OwnerPurpose; command: string };
  /** The postmaster this owner started (pid and the start stamp from postmaster.pid). */
  postmaster: { pid: number; startStamp: string };
  dataDir: string;
  host: string;
  port: number;
  /** The password is not stored: it is fixed by the code when the cluster is initialised (embedded-postgres.ts). */
  user: string;
  database: string;
  writtenAt: string;
};

/** What postmaster.pid says: pid, data directory, start stamp, port, listen address. */
export type PostmasterLock = { pid: number; dataDir: string; startStamp: string; port: number; host: string };

export type EmbeddedServerState =
  | { kind: "stopped"; stalePidFile: boolean }
  | { kind: "owned"; owner: EmbeddedServerOwner; postmaster: PostmasterLock }
  | { kind: "orphaned"; owner: EmbeddedServerOwner; postmaster: PostmasterLock; reason: string }
  | { kind: "unowned"; postmaster: PostmasterLock; reason: string };

function readIfExists(file: string): string | null {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export function processStartTime(pid: number): string | null {
  const stat = readIfExists(`/proc/${pid}/stat`);
  if (stat !== null) {
    // Fields after the command name (which may contain spaces): field 3 is at index 0, so field 22 at index 19.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  }
  if (process.platform === "linux") return null;
  try {
    const started = execFileSync("ps", ["-o", "lstart=", "-p", String(pid)], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    return started || null;
  } catch {
    return null;
  }
}

/** Alive, including processes of other users (EPERM), which `kill(pid, 0)` alone would call dead. */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  // A zombie has exited; only its parent has not collected it yet.
  const stat = readIfExists(`/proc/${pid}/stat`);
  return stat === null || stat.slice(stat.lastIndexOf(")") + 2, stat.lastIndexOf(")") + 3) !== "Z";
}

function processName(pid: number): string | null {
  const stat = readIfExists(`/proc/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
}

function namespaceOf(pid: number | "self"): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return null;
  }
}

export function currentProcessIdentity(): ProcessIdentity {
  return {
    pid: process.pid,
    startTime: processStartTime(process.pid),
    bootId: readIfExists("/proc/sys/kernel/random/boot_id")?.trim() ?? null,
    pidNamespace: namespaceOf("self"),
    hostname: os.hostname(),
  };
}

/**
 * "dead" only when certain. "unknown" (another host or pid namespace, where
 * our pids mean nothing) counts as alive: a server we cannot judge is never stopped.
 */
export function ownerLiveness(owner: ProcessIdentity): { state: "alive" | "dead" | "unknown"; reason: string } {
  const here = currentProcessIdentity();
  if (owner.hostname !== here.hostname) return { state: "unknown", reason: `owned by a process on host ${owner.hostname}` };
  if (owner.bootId && here.bootId && owner.bootId !== here.bootId) return { state: "dead", reason: "its owner ran before the machine restarted" };
  if (owner.pidNamespace && here.pidNamespace && owner.pidNamespace !== here.pidNamespace) {
    return { state: "unknown", reason: `owned by pid ${owner.pid} in another pid namespace (container)` };
  }
  if (!isProcessAlive(owner.pid)) return { state: "dead", reason: `its owner (pid ${owner.pid}) has exited` };
  const startTime = processStartTime(owner.pid);
  if (owner.startTime && startTime && owner.startTime !== startTime) {
    return { state: "dead", reason: `its owner (pid ${owner.pid}) has exited; that pid now belongs to another process` };
  }
  return { state: "alive", reason: `owned by pid ${owner.pid}` };
}

export function readPostmasterLock(dataDir: string): PostmasterLock | null {
  const text = readIfExists(path.join(dataDir, "postmaster.pid"));
  if (text === null) return null;
  const lines = text.split("\n");
  const listen = (lines[5] ?? "").split(",")[0]?.trim() ?? "";
  return {
    pid: Number(lines[0]),
    dataDir: lines[1] ?? "",
    startStamp: lines[2] ?? "",
    port: Number(lines[3]),
    // The embedded server listens on 127.0.0.1; "*" or an empty line means every address, loopback included.
    host: !listen || listen === "*" || listen === "0.0.0.0" ? "127.0.0.1" : listen === "::" ? "::1" : listen,
  };
}

/** A live postmaster, not a pid that was recycled for something else after a crash. */
function isLivePostmaster(lock: PostmasterLock): boolean {
  if (!isProcessAlive(lock.pid)) return false;
  const name = processName(lock.pid);
  return name === null || name.startsWith("postgres");
}

export function readOwnerFile(dataDir: string): EmbeddedServerOwner | null {
  const text = readIfExists(path.join(dataDir, OWNER_FILE));
  if (text === null) return null;
  try {
    const parsed = JSON.parse(text) as EmbeddedServerOwner;
    return parsed?.owner && parsed.postmaster ? parsed : null;
  } catch {
    return null;
  }
}

/** Written atomically (rename), so a reader never sees half a file. */
export function writeOwnerFile(dataDir: string, owner: EmbeddedServerOwner): void {
  const file = path.join(dataDir, OWNER_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(owner, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}

/** Removes the owner file only when it names this process (a successor may have written its own). */
export function removeOwnerFileIfMine(dataDir: string): void {
  const current = readOwnerFile(dataDir);
  const me = currentProcessIdentity();
  if (current && current.owner.pid === me.pid && current.owner.startTime === me.startTime) {
    fs.rmSync(path.join(dataDir, OWNER_FILE), { force: true });
  }
}

export function inspectEmbeddedServer(dataDir: string): EmbeddedServerState {
  const resolved = path.resolve(dataDir);
  const lock = readPostmasterLock(resolved);
  if (!lock) return { kind: "stopped", stalePidFile: false };
  if (!isLivePostmaster(lock)) return { kind: "stopped", stalePidFile: true };

  const owner = readOwnerFile(resolved);
  if (!owner) return { kind: "unowned", postmaster: lock, reason: "it was started outside Broadsheet (no owner file)" };
  const sameServer = owner.postmaster.pid === lock.pid && owner.postmaster.startStamp === lock.startStamp;
  if (!sameServer) return { kind: "unowned", postmaster: lock, reason: "it was restarted outside Broadsheet since its owner started it" };
  const liveness = ownerLiveness(owner.owner);
  if (liveness.state !== "dead") return { kind: "owned", owner, postmaster: lock };
  if (path.resolve(lock.dataDir) !== resolved) {
    return { kind: "unowned", postmaster: lock, reason: `its postmaster.pid names another data directory (${lock.dataDir})` };
  }
  return { kind: "orphaned", owner, postmaster: lock, reason: liveness.reason };
}
