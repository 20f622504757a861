import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { mediaStorage } from "@/lib/media/storage";
import { databaseUnavailableSince, markDatabaseAvailable, markDatabaseUnavailable, isDatabaseUnavailableError } from "@/lib/db/availability";

/**
 * Liveness and readiness (app/api/health, app/api/health/ready).
 * - Liveness: the process is up and serving; no query, so a database outage
 *   never gets healthy instances restarted by an orchestrator.
 * - Readiness: every dependency a request may need, each with a timeout, so a
 *   load balancer sends traffic only to instances that can serve it.
 */

export type CheckResult = { ok: boolean; ms: number; error?: string; skipped?: string };
export type ReadinessReport = { ok: boolean; buildId: string | null; checks: Record<string, CheckResult> };

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * A fresh connection rather than the app's pool: the pool may hold connections
 * that look alive, and a stuck pool must not make the check wait.
 */
export async function checkDatabase(url = env().DATABASE_URL): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CHECK_TIMEOUT_MS, query_timeout: CHECK_TIMEOUT_MS });
  client.on("error", () => undefined);
  try {
    await withTimeout(
      (async () => {
        await client.connect();
        await client.query("SELECT 1");
      })(),
      CHECK_TIMEOUT_MS,
      "PostgreSQL",
    );
  } finally {
    void client.end().catch(() => undefined);
  }
}

/** Writes, reads back and deletes a small object through the media storage uploads use. */
export async function checkStorage(): Promise<void> {
  const storage = mediaStorage();
  const key = `_health/${process.pid}-${crypto.randomBytes(6).toString("hex")}`;
  const data = Buffer.from(`broadsheet readiness ${Date.now()}`);
  await withTimeout(
    (async () => {
      await storage.put(key, data, "text/plain");
      try {
        const back = await storage.get(key);
        if (!back || !back.equals(data)) throw new Error("what was written could not be read back");
      } finally {
        await storage.delete(key);
      }
    })(),
    CHECK_TIMEOUT_MS,
    "Media storage",
  );
}

/**
 * The mail queue can take jobs: graphile-worker's `add_job` exists in this
 * database (lib/jobs/install.ts creates it at start-up). A mail server that is
 * down does not make an instance unready (pages still work; mail waits in the
 * queue and /admin/mail counts the failures).
 */
export async function checkMailQueue(): Promise<CheckResult["skipped"]> {
  const rows = await withTimeout(
    db().$queryRaw<{ ready: boolean }[]>`SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'graphile_worker' AND p.proname = 'add_job') AS ready`,
    CHECK_TIMEOUT_MS,
    "The mail queue",
  );
  if (!rows[0]?.ready) throw new Error("the job queue's schema is not installed (graphile_worker.add_job is missing)");
  return undefined;
}

async function timed(run: () => Promise<string | undefined | void>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const skipped = await run();
    return { ok: true, ms: Math.round(performance.now() - started), ...(skipped ? { skipped } : {}) };
  } catch (error) {
    // Operators' view: the reason, never a stack or a connection string.
    const message = error instanceof Error ? error.message.replace(/postgres(ql)?:\/\/\S+/g, "<database url>") : String(error);
    return { ok: false, ms: Math.round(performance.now() - started), error: message.slice(0, 200) };
  }
}

export async function readiness(): Promise<ReadinessReport> {
  const [database, storage, mailQueue] = await Promise.all([
    timed(async () => {
      try {
        await checkDatabase();
        // Tell proxy.ts at once rather than at its next probe.
        if (databaseUnavailableSince() !== null) markDatabaseAvailable();
      } catch (error) {
        if (isDatabaseUnavailableError(error) || /did not answer/.test(String((error as Error)?.message))) markDatabaseUnavailable(error, () => checkDatabase());
        throw error;
      }
    }),
    timed(checkStorage),
    timed(checkMailQueue),
  ]);
  const checks = { database, storage, mailQueue };
  return { ok: Object.values(checks).every((check) => check.ok), buildId: currentBuildId(), checks };
}

let buildId: string | null | undefined;

/**
 * The id of the production build this instance serves (`<distDir>/BUILD_ID`),
 * so a load balancer or a test can check that every instance runs the same build.
 * Null under `next dev`, which has no build.
 */
export function currentBuildId(): string | null {
  if (buildId !== undefined) return buildId;
  if (env().NODE_ENV !== "production") return (buildId = null);
  try {
    buildId = fs.readFileSync(path.join(process.cwd(), env().NEXT_DIST_DIR, "BUILD_ID"), "utf8").trim() || null;
  } catch {
    buildId = null;
  }
  return buildId;
}
