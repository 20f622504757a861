/**
 * Whether this instance can reach PostgreSQL right now: a process-wide flag,
 * raised by lib/db.ts when a query fails because the server cannot be reached
 * (and by the background LISTEN connections when theirs drops), lowered by the
 * next query that succeeds. proxy.ts reads it to answer pages that need the
 * database with a readable 503 instead of letting them fail (README,
 * "Running in production").
 *
 * Kept on globalThis under a Symbol.for key: proxy.ts and the app's routes are
 * separate bundles in one process, and both must see the same flag.
 *
 * While the flag is up, requests stop reaching the database, so nothing would
 * ever lower it: whoever raises it leaves a probe, which probeDatabaseSoon()
 * runs at most every PROBE_INTERVAL_MS (called by proxy.ts on each refused
 * request, and by the readiness check).
 */

/** Seconds a client is told to wait (`Retry-After`). */
export const RETRY_AFTER_SECONDS = 30;
const PROBE_INTERVAL_MS = 2_000;

export const UNAVAILABLE_MESSAGE = "The site is briefly unavailable; try again in a minute.";

type Probe = () => Promise<unknown>;
type AvailabilityState = { downSince: number | null; reason: string; probe: Probe | null; lastProbeAt: number; probing: boolean };

const KEY = Symbol.for("broadsheet.db.availability");

function state(): AvailabilityState {
  const holder = globalThis as unknown as Record<symbol, AvailabilityState | undefined>;
  holder[KEY] ??= { downSince: null, reason: "", probe: null, lastProbeAt: 0, probing: false };
  return holder[KEY];
}

/** Socket-level failures, PostgreSQL refusing connections, and Prisma's "can't reach / pool timeout" codes. */
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "EPIPE"]);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
const POSTGRES_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
// Can't reach server, connection timed out, server closed the connection, pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|DatabaseNotReachable|Can't reach database server|server closed the connection|the database system is (shutting down|starting up)/i;

/**
 * True when `error` (or anything in its cause chain, or a Prisma driver-adapter
 * error in its meta) says the database could not be reached; false for
 * everything else, including constraint violations and bad queries.
 */
export function isDatabaseUnavailableError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } };
  if (typeof e.code === "string" && (NODE_CODES.has(e.code) || POSTGRES_CODES.has(e.code) || PRISMA_CODES.has(e.code))) return true;
  const kind = e.meta?.driverAdapterError?.cause?.kind;
  if (kind === "DatabaseNotReachable" || kind === "SocketTimeout" || kind === "TooManyConnections") return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  if ((error as { kind?: unknown }).kind === "DatabaseNotReachable") return true;
  return isDatabaseUnavailableError(e.cause, depth + 1);
}

/** Raises the flag (first failure wins the timestamp) and leaves `probe` to find out when it is back. */
export function markDatabaseUnavailable(error: unknown, probe: Probe): void {
  const s = state();
  if (s.downSince === null) {
    s.downSince = Date.now();
    s.lastProbeAt = Date.now();
    const reason = error instanceof Error ? (error as { code?: string }).code ?? error.name : "unreachable";
    s.reason = String(reason);
    console.error(`[broadsheet] database unreachable (${s.reason}): pages that need it answer 503 until it is back`);
  }
  s.probe = probe;
}

export function markDatabaseAvailable(): void {
  const s = state();
  if (s.downSince === null) return;
  console.error(`[broadsheet] database reachable again after ${Math.round((Date.now() - s.downSince) / 1000)} s`);
  s.downSince = null;
  s.reason = "";
}

/** Epoch ms of the first failure of the current outage, or null when the database is believed reachable. */
export function databaseUnavailableSince(): number | null {
  return state().downSince;
}

/** While the flag is up: runs the probe in the background, at most every PROBE_INTERVAL_MS. Never throws. */
export function probeDatabaseSoon(): void {
  const s = state();
  if (s.downSince === null || s.probing || !s.probe || Date.now() - s.lastProbeAt < PROBE_INTERVAL_MS) return;
  s.probing = true;
  s.lastProbeAt = Date.now();
  s.probe()
    .then(() => markDatabaseAvailable())
    .catch(() => undefined)
    .finally(() => {
      s.probing = false;
    });
}

/** For tests: forget everything. */
export function resetDatabaseAvailability(): void {
  const s = state();
  Object.assign(s, { downSince: null, reason: "", probe: null, lastProbeAt: 0, probing: false });
}
