/**
 * Runs once per server instance at start-up (Next's instrumentation hook).
 * Starts the watcher that makes scheduled posts appear on cached pages when
 * their time comes (lib/posts/scheduled-publications.ts), and the graceful
 * stop on SIGTERM/SIGINT that finishes it before the process exits
 * (lib/shutdown.ts). Background workers added later register with onShutdown().
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { installGracefulShutdown, onShutdown } = await import("@/lib/shutdown");
  const { watchScheduledPublications } = await import("@/lib/posts/scheduled-publications");
  const watcher = watchScheduledPublications({ log: console.log });
  onShutdown({ name: "scheduled-publication watcher", stop: watcher.stop });
  installGracefulShutdown();
}
