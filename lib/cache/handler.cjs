/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
/**
 * Broadsheet's page-cache handler (next.config.ts `cacheHandler`). Next.js
 * loads this file itself, outside the app bundle, in every `next start`
 * process, so it is plain CommonJS. Invariants: lib/cache/README.md.
 *
 * - Entries (rendered pages, feeds, sitemap) live in the page store
 *   (lib/cache/page-store.cjs): a memory LRU bounded in bytes over a
 *   persistent tier, local disk by default or Redis when REDIS_URL is set, so
 *   a page rendered once is served until something it shows changes. The
 *   build's prerendered pages on disk are read-only seeds.
 * - Freshness is decided by tag revalidation times in Next's tags manifest
 *   (the same map Next's IncrementalCache checks before serving an entry),
 *   for every tier and for the hot path (lib/cache/hot-path.cjs).
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
 * Environment read here (this file can't import lib/env.ts, which is
 * TypeScript, and validates the same variables at start-up): DATABASE_URL
 * (without it the handler is local-only), REDIS_URL, PAGE_CACHE_MEMORY_MB,
 * PAGE_CACHE_DIR, PAGE_CACHE_DISK_MB, PAGE_CACHE_REDIS_TTL_HOURS.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache").default;
const { tagsManifest, areTagsExpired } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { PageStore, pagePathOf } = require("./page-store.cjs");
const { DiskTier, RedisTier } = require("./tiers.cjs");
const { RESPONSE_KINDS } = require("./entry-codec.cjs");

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

/**
 * Which database this is, for the persistent tier's namespace: a page stored
 * against another database (re-created, restored, another test run) must never
 * be served. The cluster's system identifier needs pg_read_all_stats or a
 * superuser; the database's oid and name are readable by anyone.
 */
async function databaseIdentity(client) {
  const { rows } = await client.query(`SELECT current_database() AS name, oid::text AS oid FROM pg_database WHERE datname = current_database()`);
  let system = "";
  try {
    system = (await client.query(`SELECT system_identifier::text AS id FROM pg_control_system()`)).rows[0].id;
  } catch {
    // not allowed for this role: name and oid still tell re-created databases apart on one server
  }
  return `${system}/${rows[0].oid}/${rows[0].name}`;
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
    this.identity = null;
    /** True while the channel is up and the table has been replayed: nothing was missed. */
    this.current = false;
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
      this.identity ??= await databaseIdentity(client);
      this.listener = client;
      await this.replay(this.everConnected);
      this.everConnected = true;
      this.current = this.listener === client;
      this.reconnectDelay = 250;
      log("listening", this.instanceId);
    } catch (error) {
      this.lost(client, error);
    }
  }

  lost(client, error) {
    if (client.broadsheetLost) return;
    client.broadsheetLost = true;
    this.current = false;
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

const MB = 1024 * 1024;
function numberFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

/** The persistent tier chosen by the environment: Redis when REDIS_URL is set, else disk unless PAGE_CACHE_DISK_MB=0. */
function persistentTier() {
  const redisUrl = process.env.REDIS_URL;
  if (redisUrl && redisUrl.trim() !== "") {
    return new RedisTier({ url: redisUrl, ttlSeconds: Math.max(60, Math.round(numberFromEnv("PAGE_CACHE_REDIS_TTL_HOURS", 168) * 3600)) });
  }
  const diskBytes = numberFromEnv("PAGE_CACHE_DISK_MB", 4096) * MB;
  if (diskBytes <= 0) return null;
  return new DiskTier({ dir: process.env.PAGE_CACHE_DIR || ".data/page-cache", maxBytes: diskBytes });
}

/**
 * The page store of this process, shared by every handler instance and the
 * hot path (lib/cache/hot-path.cjs) through globalThis. `ready` turns true once
 * the first replay of revalidations is done: nothing may be served before.
 */
const storeKey = Symbol.for("broadsheet.cache.store");
function pageCache(serverDistDir) {
  if (!globalThis[storeKey]) {
    const sync = tagSync();
    const store = new PageStore({
      memoryBytes: numberFromEnv("PAGE_CACHE_MEMORY_MB", 128) * MB,
      tier: persistentTier(),
      // A tier outlives this instance's view of invalidations: read it only while nothing can have been missed.
      sharedReadable: () => !sync || sync.current,
    });
    const state = { store, sync, ready: !sync, buildId: null };
    if (sync) sync.start().then(() => (state.ready = true));
    globalThis[storeKey] = state;
  }
  const state = globalThis[storeKey];
  if (serverDistDir && state.buildId === null) {
    try {
      state.buildId = fs.readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
    } catch {
      state.buildId = "unknown";
    }
  }
  // Persistent entries belong to one build (its HTML names its own script chunks) and one database.
  if (state.store.namespace === null && state.buildId !== null && (!state.sync || state.sync.identity)) {
    state.store.namespace = crypto.createHash("sha256").update(`${state.buildId}\n${state.sync ? state.sync.identity : "local"}`).digest("hex").slice(0, 16);
  }
  return state;
}

/**
 * Keys of the pages and route bodies this instance holds (served or stored
 * since it started), read by proxy.ts through lib/cache/cached-pages.ts: while
 * the database is unreachable, a cached page is still served and anything
 * else gets the 503 page. Shared on globalThis because proxy.ts is another bundle.
 */
const pageKeysKey = Symbol.for("broadsheet.cache.pageKeys");
globalThis[pageKeysKey] ??= new Set();

class BroadsheetCacheHandler extends FileSystemCache {
  constructor(ctx) {
    // At run time entries live in the page store, not in Next's memory cache or its files; the build writes its seeds to disk as usual.
    super(isBuild ? ctx : { ...ctx, flushToDisk: false, maxMemoryCacheSize: 0 });
    if (isBuild) return;
    this.serverDistDir = ctx.serverDistDir;
    const { store, sync } = pageCache(this.serverDistDir);
    this.store = store;
    this.sync = sync;
  }

  async get(key, ctx) {
    if (isBuild) return super.get(key, ctx);
    // Until the first replay is done this instance can't know what is stale: wait for it (once).
    if (this.sync) await this.sync.start();
    pageCache(this.serverDistDir); // sets the persistent tier's namespace once the database is known
    if (RESPONSE_KINDS.has(ctx?.kind)) {
      // Decompressed for Next (memory and the persistent tier keep the compact form).
      const entry = await this.store.load(key);
      if (entry) {
        globalThis[pageKeysKey].add(pagePathOf(key));
        return entry;
      }
      // The build's prerendered seed (Next checks its tags); kept in memory from now on.
      const seed = await super.get(key, ctx);
      if (seed?.value) {
        globalThis[pageKeysKey].add(pagePathOf(key));
        await this.store.set(key, seed, { persist: false });
      }
      return seed;
    }
    // Data cache entries (fetch, unstable_cache): memory only, checked against their own and the page's tags.
    await this.store.stored(key);
    const record = this.store.memory.get(key);
    if (!record || !record.data) return null;
    const tags = [...(ctx?.tags || []), ...(ctx?.softTags || []), ...(record.data.value?.tags || [])];
    return areTagsExpired(tags, record.lastModified) ? null : record.data;
  }

  async set(key, data, ctx) {
    if (isBuild) return super.set(key, data, ctx);
    if (!data) return;
    pageCache(this.serverDistDir);
    const entry = { value: data, lastModified: Date.now(), cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl };
    // Not awaited: Next sends a page it rendered once this returns, and compressing it (a few ms) must not delay that.
    // A read of the key meanwhile waits for it (PageStore.get); a failure is logged there.
    this.store.set(key, entry).catch(() => undefined);
    if (RESPONSE_KINDS.has(data.kind)) globalThis[pageKeysKey].add(pagePathOf(key));
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
module.exports.pageCache = pageCache;
