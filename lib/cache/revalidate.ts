import { revalidateTag } from "next/cache";
import { db } from "@/lib/db";
import { clearSearchMemo } from "@/lib/posts/search-memo";
import { isNoEffect, type ReaderEffect } from "@/lib/cache/reader-effect";
import { tagsForEffect } from "@/lib/cache/page-tags";
import tagRevalidationSql from "@/lib/cache/tag-revalidation-sql.cjs";

const { CHANNEL, NOTIFY_CHUNK, RECORD_AND_NOTIFY_SQL } = tagRevalidationSql;

export { ALL_PUBLIC_PAGES_TAG } from "@/lib/cache/page-tags";

/**
 * Expires exactly the cached public pages a change shows up on. Use cases
 * return their ReaderEffect; the one adapter (lib/actions/use-case-adapters.ts)
 * calls this with it, inside Next. Design and invariants: lib/cache/README.md.
 *
 * Inside Next this goes through revalidateTag with immediate expiry, which the
 * cache handler applies locally and shares with every instance over
 * PostgreSQL before the action's response is sent.
 */
export function revalidateForReaders(effect: ReaderEffect): void {
  const tags = tagsForEffect(effect);
  if (tags.length === 0) return;
  // Search results are memoized for a few seconds per instance: this one forgets them now.
  clearSearchMemo();
  try {
    for (const tag of tags) revalidateTag(tag, { expire: 0 });
  } catch (error) {
    if (!(error instanceof Error) || !error.message.includes("static generation store missing")) throw error;
    // Outside a request: scripts should await revalidateForReadersOutsideNext instead.
    broadcastRevalidation(tags).catch((e) => console.error("[cache] could not broadcast a revalidation", e));
  }
}

/** For code running outside Next (the scheduler, CLI scripts, tests): the same effect, awaitable. */
export async function revalidateForReadersOutsideNext(effect: ReaderEffect): Promise<void> {
  if (isNoEffect(effect)) return;
  clearSearchMemo();
  await broadcastRevalidation(tagsForEffect(effect));
}

/**
 * Records tag revalidations and notifies every instance, which apply them at
 * once: the same statement lib/cache/handler.cjs runs for revalidations made
 * inside Next (lib/cache/tag-revalidation-sql.cjs).
 */
export async function broadcastRevalidation(tags: string[]): Promise<void> {
  for (let i = 0; i < tags.length; i += NOTIFY_CHUNK) {
    // Executed, not queried: its one row is pg_notify's void, which Prisma cannot read back.
    await db().$executeRawUnsafe(RECORD_AND_NOTIFY_SQL, tags.slice(i, i + NOTIFY_CHUNK), null, CHANNEL, "lib");
  }
}
