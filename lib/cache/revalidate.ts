import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { clearSearchMemo } from "@/lib/posts/search-memo";

/**
 * Call after any change readers can see (publish, edit of a public post,
 * unpublish, hide, taxonomy or profile change), from a server action or route
 * handler. The one place that knows which public pages a change touches.
 * Design and invariants: lib/cache/README.md.
 */
export type PublicChange = {
  postSlugs?: string[];
  authorUsernames?: string[];
  categorySlugs?: string[];
  tagSlugs?: string[];
};

/**
 * Next's implicit tag carried by every page and route under the root layout.
 * Expiring it expires every cached public page, feed and sitemap.
 */
export const ALL_PUBLIC_PAGES_TAG = "_N_T_/layout";

/**
 * Every public page is expired at once, whatever the change: a post appears
 * on the home page and its pages, its section, tag and author pages, feeds,
 * the sitemap and the related-article blocks of other articles; a renamed
 * section or author shows in the header or bylines of every page. Working
 * out the exact set would cost queries and get it wrong; a re-render on the
 * next visit costs a few milliseconds per page. The `change` still names what
 * changed, for the log and for a finer policy later.
 *
 * Inside Next (actions, route handlers) this goes through revalidatePath, which
 * the cache handler applies locally and shares with every instance over
 * PostgreSQL when the action finishes (before its response is sent).
 */
export function revalidatePublicContent(change: PublicChange = {}): void {
  void change;
  // Search results are memoized for a few seconds per instance: this one forgets them now.
  clearSearchMemo();
  try {
    revalidatePath("/", "layout");
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("static generation store missing")) throw error;
    // Outside a request: scripts should await revalidatePublicContentOutsideNext instead.
    broadcastRevalidation([ALL_PUBLIC_PAGES_TAG]).catch((e) => console.error("[cache] could not broadcast a revalidation", e));
  }
}

/** For code running outside Next (a scheduler, CLI scripts, tests): the same effect, awaitable. */
export async function revalidatePublicContentOutsideNext(change: PublicChange = {}): Promise<void> {
  void change;
  clearSearchMemo();
  await broadcastRevalidation([ALL_PUBLIC_PAGES_TAG]);
}

/**
 * Records a tag revalidation and notifies every instance (what
 * lib/cache/handler.cjs does for revalidations made inside Next).
 */
export async function broadcastRevalidation(tags: string[]): Promise<void> {
  await db().$executeRaw`
    WITH stamp AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms),
    upsert AS (
      INSERT INTO "CacheTagRevalidation" (tag, "revalidatedAtMs", "expireSeconds")
      SELECT t, stamp.ms, NULL FROM unnest(${tags}::text[]) AS t, stamp
      ON CONFLICT (tag) DO UPDATE SET "revalidatedAtMs" = EXCLUDED."revalidatedAtMs", "expireSeconds" = NULL
    )
    SELECT pg_notify('broadsheet_cache_tags', json_build_object('tags', ${tags}::text[], 'expire', NULL, 'origin', 'lib', 'at', stamp.ms)::text) FROM stamp`;
}
