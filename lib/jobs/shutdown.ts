import "server-only";

/**
 * Lets background work finish when the instance is told to stop. Next.js's
 * own SIGTERM/SIGINT handler drains HTTP and then calls process.exit at once;
 * a mail job cut off mid-send would stay locked in the queue for hours. So on
 * a termination signal this starts `stop()` (stop taking jobs, let the ones in
 * flight finish) and holds process.exit until it is done, for at most
 * `graceMs`. Nothing changes until a signal arrives.
 */
export function finishBeforeExit(stop: () => Promise<void>, options: { graceMs?: number; log?: (line: string) => void } = {}): void {
  const graceMs = options.graceMs ?? 25_000;
  let stopping: Promise<void> | null = null;
  const begin = (signal: NodeJS.Signals) => {
    if (stopping) return;
    options.log?.(`jobs: ${signal} received, finishing jobs in flight`);
    stopping = Promise.race([stop().catch((error: unknown) => console.error("jobs: stopping the worker failed", error)), new Promise<void>((r) => setTimeout(r, graceMs).unref())]);
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) => {
      void stopping!.finally(() => exit(code ?? undefined));
      // process.exit never returns; neither does this until the worker is done.
      return undefined as never;
    }) as typeof process.exit;
    // If nothing else exits (no Next.js handler, e.g. `next dev` configured otherwise), exit once done.
    void stopping.finally(() => {
      if (process.listenerCount(signal) === 0) exit(signal === "SIGINT" ? 130 : 143);
    });
  };
  process.once("SIGTERM", begin);
  process.once("SIGINT", begin);
}
