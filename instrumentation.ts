/**
 * Runs once per server instance at start-up (Next's instrumentation hook).
 * Starts the watcher that makes scheduled posts appear on cached pages when
 * their time comes (lib/posts/scheduled-publications.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { watchScheduledPublications } = await import("@/lib/posts/scheduled-publications");
  watchScheduledPublications({ log: console.log });
}
