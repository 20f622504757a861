import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { currentProcessIdentity, ownerLiveness, type ProcessIdentity } from "@/lib/db/embedded-server-owner";
import { decideBuild, readBuildState, writeBuildRecord } from "./build-freshness";

/**
 * The production build, made once and shared by every instance started from
 * this checkout: builds only when there is none or the sources changed
 * (build-freshness.ts), and never twice at once. Two `npm start` starting
 * together: one builds under `.data/build-<distDir>.lock`, the other waits and
 * then finds the build fresh.
 */

export type EnsureBuildOptions = {
  root: string;
  distDir: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** `npm run build`: build even when the existing build is fresh. */
  force?: boolean;
  /** Aborting stops a running `next build` (the caller is shutting down). */
  signal?: AbortSignal;
};

export type EnsureBuildResult = { built: boolean; buildId: string; message: string };

export class BuildFailedError extends Error {
  constructor(public readonly exitCode: number) {
    super(`The production build failed (next build exited with ${exitCode}; see above).`);
    this.name = "BuildFailedError";
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lockPath(root: string, distDir: string): string {
  return path.join(root, ".data", `build-${path.basename(distDir)}.lock`);
}

/**
 * Exclusive-create lock naming its holder (pid + start time). A lock whose holder
 * is provably dead (a crash mid-build) is taken over; a live holder is waited for.
 */
async function acquireBuildLock(file: string, log: (line: string) => void): Promise<() => void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const me = currentProcessIdentity();
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: "wx" });
      return () => {
        try {
          const holder = JSON.parse(fs.readFileSync(file, "utf8")) as ProcessIdentity;
          if (holder.pid === me.pid && holder.startTime === me.startTime) fs.rmSync(file, { force: true });
        } catch {
          // Already gone.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    let holder: ProcessIdentity | null = null;
    try {
      holder = JSON.parse(fs.readFileSync(file, "utf8")) as ProcessIdentity;
    } catch {
      // Being written this instant, or left empty by a crash: judged by its age below.
    }
    const stale = holder ? ownerLiveness(holder).state === "dead" : Date.now() - (fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 10_000;
    if (stale) {
      fs.rmSync(file, { force: true });
      continue;
    }
    if (!announced) log(`build: waiting for another process building in this checkout (${holder ? `pid ${holder.pid}` : path.basename(file)})`);
    announced = true;
    await sleep(500);
  }
}

function runNextBuild(root: string, env: NodeJS.ProcessEnv, signal?: AbortSignal): Promise<number> {
  const next = require.resolve("next/dist/bin/next");
  const build = spawn(process.execPath, [next, "build"], { cwd: root, stdio: "inherit", env: { ...env, NODE_ENV: "production" }, signal, killSignal: "SIGTERM" });
  // An abort surfaces as an 'error' event before 'exit'; the exit code tells the caller.
  build.on("error", () => undefined);
  return new Promise((resolve) => build.once("exit", (code) => resolve(code ?? 1)));
}

export async function ensureBuild(options: EnsureBuildOptions): Promise<EnsureBuildResult> {
  const release = await acquireBuildLock(lockPath(options.root, options.distDir), options.log);
  try {
    // Decided under the lock: whoever waited now sees the build the other one made.
    const state = readBuildState(options.root, options.distDir);
    const decision = options.force ? { build: true, message: `Building: requested by npm run build (${options.distDir})` } : decideBuild(state);
    options.log(decision.message);
    if (!decision.build) return { built: false, buildId: state.buildId!, message: decision.message };
    const sources = state.sources;
    const code = await runNextBuild(options.root, { ...options.env, NEXT_DIST_DIR: options.distDir }, options.signal);
    if (code !== 0) throw new BuildFailedError(code);
    const record = writeBuildRecord(options.root, options.distDir, sources);
    options.log(`build: ${record.buildId} ready in ${options.distDir}`);
    return { built: true, buildId: record.buildId, message: decision.message };
  } finally {
    release();
  }
}
