/**
 * Runs once per server instance at start-up (Next's instrumentation hook).
 * Starts the watcher that makes scheduled posts appear on cached pages when
 * their time comes (lib/posts/scheduled-publications.ts) and this instance's
 * job worker (lib/jobs/worker.ts: mail delivery, the daily comment digest),
 * and the graceful stop on SIGTERM/SIGINT that finishes both before the
 * process exits (lib/shutdown.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installGracefulShutdown, onShutdown } = await import("@/lib/shutdown");
  const { watchScheduledPublications } = await import("@/lib/posts/scheduled-publications");
  const watcher = watchScheduledPublications({ log: console.log });
  onShutdown({ name: "scheduled-publication watcher", stop: watcher.stop });
  installGracefulShutdown();

  const { env } = await import("@/lib/env");
  const { startJobWorker } = await import("@/lib/jobs/worker");
  const config = env();
  if (!config.DATABASE_URL) return;
  try {
    const worker = await startJobWorker({ connectionString: config.DATABASE_URL });
    // Stops taking jobs and finishes the ones in flight, so a mail is never cut off mid-send.
    onShutdown({ name: "job worker", stop: worker.stop });
    console.log(`jobs: worker started (mail ${config.SMTP_URL ? "over SMTP" : "to the outbox at /admin/mail"})`);
  } catch (error) {
    // The site works without it; mail waits in the queue until a worker runs.
    console.error("jobs: the worker could not start; mail stays queued", error);
  }
}
