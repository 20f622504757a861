import { db } from "@/lib/db";

/**
 * Old addresses (LegacyRedirect) for proxy.ts, from memory: the table is read
 * whole when first needed and again when it changed, never per request. A
 * check costs one tiny query (count and newest row) at most every
 * RECHECK_MS per instance, in the background: a request never waits for the
 * database except the very first lookup of an instance. An import or a
 * deletion on this instance calls forgetLegacyRedirects() so it shows at once;
 * other instances see it within RECHECK_MS.
 */
const RECHECK_MS = 10_000;

type State = { map: Map<string, string>; stamp: string; checkedAt: number; loading: Promise<void> | null };
const KEY = Symbol.for("broadsheet.legacyRedirects");
const store = globalThis as unknown as { [KEY]?: State };

async function load(state: State): Promise<void> {
  const [row] = await db().$queryRaw<{ n: bigint; newest: Date | null }[]>`SELECT count(*) AS n, max("createdAt") AS newest FROM "LegacyRedirect"`;
  const stamp = `${row?.n ?? 0}:${row?.newest?.getTime() ?? 0}`;
  state.checkedAt = Date.now();
  if (stamp === state.stamp) return;
  const rows = Number(row?.n ?? 0) === 0 ? [] : await db().legacyRedirect.findMany({ select: { path: true, target: true } });
  state.map = new Map(rows.map((r) => [r.path, r.target]));
  state.stamp = stamp;
}

function refresh(state: State): Promise<void> {
  state.loading ??= load(state)
    .catch((error) => console.error("[redirects] could not read the old addresses", error))
    .finally(() => {
      state.loading = null;
    });
  return state.loading;
}

/** The new address for an old one (its legacyKey), or null. */
export async function legacyRedirectTarget(key: string): Promise<string | null> {
  let state = store[KEY];
  if (!state) {
    state = store[KEY] = { map: new Map(), stamp: "", checkedAt: 0, loading: null };
    await refresh(state);
  } else if (Date.now() - state.checkedAt > RECHECK_MS) {
    void refresh(state);
  }
  return state.map.get(key) ?? null;
}

/** After a change on this instance: the next lookup reads the table again. */
export function forgetLegacyRedirects(): void {
  delete store[KEY];
}
