/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
/**
 * Broadsheet's page-cache handler (next.config.ts `cacheHandler`). Next.js
 * loads this file itself, outside the app bundle, in every `next start`
 * process, so it is plain CommonJS. Invariants: lib/cache/README.md.
 *
 * - Entries (rendered pages, feeds, sitemap) live in each instance's memory,
 *   in Next's own FileSystemCache (LRU of `cacheMaxMemorySize`); the build's
 *   prerendered pages on disk are read-only seeds. Instances never share entry
 *   files, so one instance can't read another's half-written page.
 * - Freshness is decided by tag revalidation times in Next's tags manifest
 *   (the same map Next's IncrementalCache checks before serving an entry).
 *   `revalidateTag`/`revalidatePath` on any instance reaches this handler's
 *   revalidateTag(), which applies it locally, then records it in PostgreSQL
 *   (table "CacheTagRevalidation", the source of truth) and sends a NOTIFY on
 *   channel `broadsheet_cache_tags` in the same statement.
 * - Every instance LISTENs on that channel and applies what it hears at once
 *   (stamped with its own clock, so clock skew between machines can't keep a
 *   stale page alive). At start-up, and after any lost connection, it replays
 *   the table, so an instance that missed notifications catches up before
 *   serving on.
 *
 * The only environment read here is DATABASE_URL (this file can't import
 * lib/env.ts, which is TypeScript); without it the handler is local-only.
 */
const crypto = require("node:crypto");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { tagsManifest } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");

const { CHANNEL, NOTIFY_CHUNK, RECORD_AND_NOTIFY_SQL } = require("./tag-revalidation-sql.cjs");
const IMMEDIATE = null; // expireSeconds for "expire now" (revalidatePath, updateTag, revalidateTag(tag, { expire: 0 }))
const STALE_ONLY = -1; // durations without an expiry: serve stale while regenerating

const debug = !!process.env.BROADSHEET_CACHE_DEBUG;
const log = (...args) => debug && console.log("[cache]", ...args);

/** Applies one revalidation to this process's tags manifest, exactly as Next's own handler would. */
function applyRevalidation(tag, expireSeconds, at) {
  const existing = tagsManifest.get(tag) || {};
  if (expireSeconds === IMMEDIATE) {
    tagsManifest.set(tag, { ...existing, expired: at });
  } else if (expireSeconds === STALE_ONLY) {
    tagsManifest.set(tag, { ...existing, stale: at });
  } else {
    tagsManifest.set(tag, { ...existing, stale: at, expired: at + expireSeconds * 1000 });
  }
}

function expireSecondsOf(durations) {
  if (!durations) return IMMEDIATE;
  if (durations.expire === undefined) return STALE_ONLY;
  return Math.max(0, Math.round(durations.expire));
}

class TagSync {
  constructor(url) {
    this.url = url;
    this.instanceId = crypto.randomUUID();
    this.listener = null;
    this.pool = null;
    this.ready = null;
    this.initial = null;
    this.lastSeenMs = 0; // newest revalidation (database clock) applied so far
    this.everConnected = false;
    this.reconnectDelay = 250;
  }

  /** Resolves once the first replay is done (or failed): the one wait a request may see. */
  start() {
    this.initial ??= this.ready ??= this.connect();
    return this.initial;
  }

  async connect() {
    const pg = require("pg");
    this.pool ??= new pg.Pool({ connectionString: this.url, max: 2, connectionTimeoutMillis: 3000 });
    this.pool.on("error", () => undefined); // idle-client errors; queries report their own
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 3000 });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    try {
      await client.connect();
      client.on("notification", (message) => this.onNotification(message));
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
      await this.replay(this.everConnected);
      this.everConnected = true;
      this.reconnectDelay = 250;
      log("listening", this.instanceId);
    } catch (error) {
      this.lost(client, error);
    }
  }

  lost(client, error) {
    if (client.broadsheetLost) return;
    client.broadsheetLost = true;
    client.end().catch(() => undefined);
    if (this.listener === client) this.listener = null;
    console.error(`[cache] lost the cache invalidation channel (${error.message}); reconnecting`);
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
    // A reconnect timer, not a refresh timer: it only restores the channel.
    setTimeout(() => {
      this.ready = this.connect();
    }, delay).unref();
  }

  /**
   * Applies recorded revalidations. At first start every row counts, with its
   * recorded time (cached entries are at most as old as this process, or the
   * build's seeds). After a reconnect only rows since the last one seen count,
   * stamped "now": anything cached meanwhile may predate them.
   */
  async replay(afterReconnect) {
    const { rows } = await this.pool.query(
      `SELECT tag, "revalidatedAtMs"::float8 AS at, "expireSeconds" AS expire FROM "CacheTagRevalidation" WHERE "revalidatedAtMs" > $1`,
      [afterReconnect ? this.lastSeenMs - 5000 : 0],
    );
    const now = Date.now();
    for (const row of rows) {
      applyRevalidation(row.tag, row.expire, afterReconnect ? now : Math.min(row.at, now));
      this.lastSeenMs = Math.max(this.lastSeenMs, row.at);
    }
    log("replayed", rows.length, "tag revalidations");
  }

  onNotification(message) {
    try {
      const payload = JSON.parse(message.payload);
      this.lastSeenMs = Math.max(this.lastSeenMs, payload.at);
      if (payload.origin === this.instanceId) return; // applied locally already
      const now = Date.now();
      for (const tag of payload.tags) applyRevalidation(tag, payload.expire, now);
      log("applied", payload.tags, "from", payload.origin);
    } catch (error) {
      console.error("[cache] ignored a malformed invalidation message", error);
    }
  }

  /** Records revalidations and tells every instance, in one statement per chunk. */
  async publish(tags, expireSeconds) {
    await this.start();
    for (let i = 0; i < tags.length; i += NOTIFY_CHUNK) {
      const chunk = tags.slice(i, i + NOTIFY_CHUNK);
      await this.pool.query(RECORD_AND_NOTIFY_SQL, [chunk, expireSeconds, CHANNEL, this.instanceId]);
    }
  }
}

const isBuild = process.env.NEXT_PHASE === "phase-production-build";
const globalKey = Symbol.for("broadsheet.cache.tagSync");
function tagSync() {
  const url = process.env.DATABASE_URL;
  if (isBuild || !url) return null;
  globalThis[globalKey] ??= new TagSync(url);
  return globalThis[globalKey];
}

/**
 * Keys of the pages and route bodies this instance holds (served or stored
 * since it started), read by proxy.ts through lib/cache/cached-pages.ts: while
 * the database is unreachable, a cached page is still served and anything
 * else gets the 503 page. Shared on globalThis because proxy.ts is another bundle.
 */
const pageKeysKey = Symbol.for("broadsheet.cache.pageKeys");
globalThis[pageKeysKey] ??= new Set();
const RESPONSE_KINDS = new Set(["APP_PAGE", "APP_ROUTE"]);
/** Next 16 stores a page as `/route-cache/<kind>/<sha256 of the route>/$<page path>`; proxy.ts knows only the path ("/" is "/index"). */
const pagePathOf = (key) => {
  const at = key.indexOf("/$/");
  return at >= 0 ? key.slice(at + 2) : key;
};

class BroadsheetCacheHandler extends FileSystemCache {
  constructor(ctx) {
    // Runtime entries stay in this instance's memory; the build writes its seeds to disk as usual.
    super({ ...ctx, flushToDisk: isBuild ? ctx.flushToDisk : false });
    this.sync = tagSync();
  }

  async get(key, ctx) {
    // Until the first replay is done this instance can't know what is stale: wait for it (once).
    if (this.sync) await this.sync.start();
    const entry = await super.get(key, ctx);
    if (entry?.value && RESPONSE_KINDS.has(ctx?.kind)) globalThis[pageKeysKey].add(pagePathOf(key));
    return entry;
  }

  async set(key, data, ctx) {
    await super.set(key, data, ctx);
    if (data && RESPONSE_KINDS.has(data.kind)) globalThis[pageKeysKey].add(pagePathOf(key));
  }

  async revalidateTag(tags, durations) {
    const list = typeof tags === "string" ? [tags] : [...tags];
    await super.revalidateTag(list, durations);
    if (!this.sync || list.length === 0) return;
    try {
      await this.sync.publish(list, expireSecondsOf(durations));
    } catch (error) {
      // The local cache is already refreshed; other instances catch up from the table on their next reconnect.
      console.error("[cache] could not share a revalidation with other instances", error);
    }
  }
}

module.exports = BroadsheetCacheHandler;
module.exports.applyRevalidation = applyRevalidation;
