import { createMemo } from "@/lib/cache/memo";
import type { SearchResult } from "@/lib/posts/search-posts";

/**
 * Search results shared for a few seconds per instance (lib/posts/search-posts.ts).
 * A module of its own, without "server-only", so lib/cache/revalidate.ts (also
 * loaded by scripts and the scheduler) can clear it.
 */
export const MEMO_TTL_MS = 5000;
export const searchMemo = createMemo<SearchResult>({ ttlMs: MEMO_TTL_MS, maxEntries: 500 });

/** Forgets memoized results (a publish on this instance calls it; others catch up within MEMO_TTL_MS). */
export function clearSearchMemo(): void {
  searchMemo.clear();
}
