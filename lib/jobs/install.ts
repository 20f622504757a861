import { Logger, runMigrations } from "graphile-worker";

/** graphile-worker's own messages: warnings and errors only, one line each. */
export function quietJobLogger(log: (line: string) => void): Logger {
  return new Logger(() => (level, message) => {
    if (level === "error" || level === "warning") log(`[jobs] ${message}`);
  });
}

/**
 * Creates or upgrades the job queue's schema (`graphile_worker`, beside the
 * app's tables; Prisma's migrations and the drift test only look at `public`).
 * Idempotent, and graphile-worker serialises concurrent callers. Runs after
 * the app's migrations at start-up, so `add_job` exists before any request.
 */
export async function installJobQueue(connectionString: string, log: (line: string) => void = console.error): Promise<void> {
  await runMigrations({ connectionString, logger: quietJobLogger(log) });
}
