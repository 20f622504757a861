/**
 * Graceful stop of one app instance (`next start`, which `npm start` runs as
 * its child). On SIGTERM or SIGINT Next.js's own server
 * (next/dist/server/lib/start-server.js) stops accepting connections, lets
 * in-flight requests finish, then calls process.exit(143 | 130). What it
 * does not know about is our background work (instrumentation.ts): the
 * scheduled-publication watcher, and the mail queue another branch adds.
 *
 * installGracefulShutdown() runs every registered task when the signal comes
 * (each stops taking new work, then finishes what it holds), and holds Next's
 * process.exit until they are done or SHUTDOWN_TIMEOUT_MS has passed. So the
 * order is: stop accepting → finish requests and jobs → exit.
 */
export type ShutdownTask = { name: string; stop: () => Promise<void> };

const SHUTDOWN_TIMEOUT_MS = 25_000;
const KEY = Symbol.for("broadsheet.shutdown");
type ShutdownState = { tasks: ShutdownTask[]; installed: boolean; done: Promise<void> | null };

function state(): ShutdownState {
  const holder = globalThis as unknown as Record<symbol, ShutdownState | undefined>;
  holder[KEY] ??= { tasks: [], installed: false, done: null };
  return holder[KEY];
}

/** Background work that must be finished before the process exits. */
export function onShutdown(task: ShutdownTask): void {
  state().tasks.push(task);
}

/** Runs every task once (in parallel); the same promise for every caller. */
export function runShutdownTasks(log: (line: string) => void = console.log): Promise<void> {
  const s = state();
  s.done ??= (async () => {
    const started = Date.now();
    const results = await Promise.allSettled(s.tasks.map((task) => task.stop()));
    results.forEach((result, i) => {
      if (result.status === "rejected") console.error(`[broadsheet] shutdown: ${s.tasks[i]!.name} failed to stop`, result.reason);
    });
    log(`[broadsheet] shutdown: background work stopped (${s.tasks.map((t) => t.name).join(", ") || "none"}) in ${Date.now() - started} ms`);
  })();
  return s.done;
}

export function installGracefulShutdown(log: (line: string) => void = console.log): void {
  const s = state();
  if (s.installed) return;
  s.installed = true;
  const begin = (signal: NodeJS.Signals) => {
    if (s.done) return;
    log(`[broadsheet] ${signal}: no new requests; finishing the ones in flight and the background work`);
    const done = runShutdownTasks(log);
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_TIMEOUT_MS).unref());
    const finished = Promise.race([done, deadline]);
    // Next.js exits as soon as its requests are done; hold that exit until our work is too.
    const exit = process.exit.bind(process);
    process.exit = ((code?: number | string | null) => {
      void finished.finally(() => exit(code ?? undefined));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", () => begin("SIGTERM"));
  process.once("SIGINT", () => begin("SIGINT"));
}
