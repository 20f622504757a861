import pg from "pg";
import { db, type DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";
import { revalidateForReadersOutsideNext } from "@/lib/cache/revalidate";
import { mergeEffects, NO_EFFECT, postReaderEffect, SITE_WIDE_EFFECT, type ReaderEffect } from "@/lib/cache/reader-effect";
import { markDatabaseAvailable, markDatabaseUnavailable } from "@/lib/db/availability";

/**
 * Scheduled posts are PUBLISHED rows with a future publishedAt. Readers'
 * queries hide them until then, but cached pages only change when something
 * expires them. So every app instance keeps a timer for each upcoming
 * publication and, when one comes due, expires the public pages on every
 * instance: exactly the pages a publish of those posts would expire.
 *
 * No polling, so cached pages keep costing the database nothing: instances
 * learn of new schedules through PostgreSQL NOTIFY on SCHEDULE_CHANNEL (sent
 * by publishPost in its transaction, so only when it commits) and read the
 * upcoming ones once at start-up and after a lost connection. Several
 * instances firing for the same post is harmless.
 */
export const SCHEDULE_CHANNEL = "broadsheet_schedule";
/** setTimeout's ceiling is ~24.8 days; longer waits are re-armed. */
const MAX_WAIT_MS = 6 * 60 * 60 * 1000;

/** Tells every instance about a publication due at `dueAt` (call inside the transaction that schedules it). */
export async function announceScheduledPublication(tx: DbOrTx, dueAt: Date): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${SCHEDULE_CHANNEL}, ${String(dueAt.getTime())})`;
}

export async function upcomingPublicationTimes(now = new Date()): Promise<Date[]> {
  const rows = await db().post.findMany({
    where: { status: "PUBLISHED", hiddenAt: null, publishedAt: { gt: now } },
    select: { publishedAt: true },
    distinct: ["publishedAt"],
    orderBy: { publishedAt: "asc" },
  });
  return rows.map((row) => row.publishedAt!);
}

/**
 * A bookmark row in "CacheTagRevalidation" (no page carries this tag): the
 * moment up to which due publications have been applied to the cache.
 */
export const SCHEDULE_BOOKMARK_TAG = "scheduled-publications:applied-until";

/** Beyond this many posts at once, expiring everything is cheaper than naming each page. */
const MAX_NAMED_DUE_POSTS = 500;

async function appliedUntil(): Promise<Date> {
  const row = await db().cacheTagRevalidation.findUnique({ where: { tag: SCHEDULE_BOOKMARK_TAG }, select: { revalidatedAtMs: true } });
  if (row) return new Date(Number(row.revalidatedAtMs));
  // First start with this bookkeeping: everything due so far was applied (whole-site expiry before it).
  const now = new Date();
  await moveBookmark(now);
  return now;
}

async function moveBookmark(to: Date): Promise<void> {
  await db().$executeRaw`
    INSERT INTO "CacheTagRevalidation" (tag, "revalidatedAtMs", "expireSeconds") VALUES (${SCHEDULE_BOOKMARK_TAG}, ${to.getTime()}, NULL)
    ON CONFLICT (tag) DO UPDATE SET "revalidatedAtMs" = greatest("CacheTagRevalidation"."revalidatedAtMs", EXCLUDED."revalidatedAtMs")`;
}

/** Posts that came due after the last applied moment (e.g. while no instance ran). */
export async function postsDueSinceLastRevalidation(now = new Date()): Promise<number> {
  return db().post.count({ where: { status: "PUBLISHED", hiddenAt: null, publishedAt: { gt: await appliedUntil(), lte: now } } });
}

/**
 * The effect of every publication that came due in (applied-until, now]: each
 * post appears on its article address and lists, as a publish would do.
 */
export async function duePublicationsEffect(now = new Date()): Promise<ReaderEffect> {
  const due = await db().post.findMany({
    where: { status: "PUBLISHED", hiddenAt: null, publishedAt: { gt: await appliedUntil(), lte: now } },
    take: MAX_NAMED_DUE_POSTS + 1,
    select: { id: true, slug: true, status: true, publishedAt: true, hiddenAt: true, featured: true, authorId: true, categoryId: true, tags: { select: { tagId: true } } },
  });
  if (due.length === 0) return NO_EFFECT;
  if (due.length > MAX_NAMED_DUE_POSTS) return SITE_WIDE_EFFECT;
  return mergeEffects(...due.map(({ tags, ...post }) => postReaderEffect(null, { ...post, tagIds: tags.map((t) => t.tagId) }, { now })));
}

/** Expires the pages of every publication due by `now`, on every instance, then moves the bookmark. */
export async function applyDuePublications(now = new Date()): Promise<ReaderEffect> {
  const effect = await duePublicationsEffect(now);
  await revalidateForReadersOutsideNext(effect);
  await moveBookmark(now);
  return effect;
}

export type ScheduledPublicationWatcher = {
  /** Due times this instance is waiting for (for tests and diagnostics). */
  pending: () => Date[];
  stop: () => Promise<void>;
  ready: Promise<void>;
};

export function watchScheduledPublications(options: { databaseUrl?: string; log?: (line: string) => void; onPublished?: () => void } = {}): ScheduledPublicationWatcher {
  const due = new Set<number>();
  let timer: NodeJS.Timeout | null = null;
  let client: pg.Client | null = null;
  let stopped = false;
  /** A refresh of public pages in progress: stop() lets it finish. */
  let firing: Promise<void> | null = null;
  const log = options.log ?? (() => {});

  const fire = async () => {
    const now = Date.now();
    const reached = [...due].filter((ms) => ms <= now);
    if (reached.length === 0) return arm();
    for (const ms of reached) due.delete(ms);
    try {
      await applyDuePublications(new Date(now));
      log(`[broadsheet] scheduled post(s) went live; public pages refreshed`);
      options.onPublished?.();
    } catch (error) {
      console.error("[broadsheet] could not refresh public pages for a scheduled post", error);
      // Try again shortly rather than leave the post invisible on cached pages.
      due.add(now + 5_000);
    }
    arm();
  };

  function arm() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (stopped || due.size === 0) return;
    const next = Math.min(...due);
    timer = setTimeout(() => {
      firing = fire().finally(() => (firing = null));
    }, Math.max(0, Math.min(next - Date.now(), MAX_WAIT_MS)) + 25);
    timer.unref();
  }

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const url = options.databaseUrl ?? env().DATABASE_URL;
    client = new pg.Client({ connectionString: url });
    client.on("notification", (message) => {
      const ms = Number(message.payload);
      if (Number.isFinite(ms) && ms > Date.now() - 1000) {
        due.add(ms);
        arm();
      }
    });
    client.on("error", () => undefined);
    client.on("end", () => {
      if (stopped) return;
      // The listening connection dropped: most likely the database went away (proxy.ts answers 503 until a query or this reconnect succeeds).
      markDatabaseUnavailable(new Error("listening connection ended"), () => db().$queryRaw`SELECT 1`);
      setTimeout(() => void connect().catch(() => undefined), 2_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${SCHEDULE_CHANNEL}`);
    markDatabaseAvailable();
    // Read what was scheduled while this instance was not listening.
    for (const date of await upcomingPublicationTimes()) due.add(date.getTime());
    if ((await postsDueSinceLastRevalidation()) > 0) due.add(Date.now());
    arm();
  };

  const ready = connect().catch((error) => {
    console.error("[broadsheet] scheduled publication watcher could not start; retrying", error);
    setTimeout(() => void connect().catch(() => undefined), 5_000).unref();
  });

  return {
    pending: () => [...due].sort((a, b) => a - b).map((ms) => new Date(ms)),
    ready,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await firing;
      await client?.end().catch(() => undefined);
    },
  };
}
