/**
 * Runs once per server instance at start-up (Next's instrumentation hook).
 * Starts the watcher that makes scheduled posts appear on cached pages when
 * their time comes (lib/posts/scheduled-publications.ts) and this instance's
 * job worker (lib/jobs/worker.ts: mail delivery, the daily comment digest),
 * which finishes the jobs in flight before the process exits on SIGTERM.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { watchScheduledPublications } = await import("@/lib/posts/scheduled-publications");
  watchScheduledPublications({ log: console.log });

  const { env } = await import("@/lib/env");
  const { startJobWorker } = await import("@/lib/jobs/worker");
  const { finishBeforeExit } = await import("@/lib/jobs/shutdown");
  const config = env();
  if (!config.DATABASE_URL) return;
  try {
    const worker = await startJobWorker({ connectionString: config.DATABASE_URL });
    finishBeforeExit(worker.stop, { log: console.log });
    console.log(`jobs: worker started (mail ${config.SMTP_URL ? "over SMTP" : "to the outbox at /admin/mail"})`);
  } catch (error) {
    // The site works without it; mail waits in the queue until a worker runs.
    console.error("jobs: the worker could not start; mail stays queued", error);
  }
}
