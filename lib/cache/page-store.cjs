/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
/**
 * The page cache's storage: a memory LRU bounded in bytes over an optional
 * persistent tier (disk or Redis, lib/cache/tiers.cjs). Both hold entries in
 * their compact form (lib/cache/entry-codec.cjs: br + gzip + ETag + compressed
 * RSC payload, ~30 kB for a 70 kB article); `load()` decompresses for Next.
 * Shared by the cache handler (Next's path) and the hot path
 * (lib/cache/hot-path.cjs) through one instance per process. Freshness is
 * decided in one place, `expired()` / `servable()`, from whatever tags an
 * entry carries, against the same tags manifest Next's IncrementalCache
 * consults (fed by the PostgreSQL tag sync).
 */
const { LRUCache } = require("lru-cache");
const { areTagsExpired, areTagsStale } = require("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { recordOf, encode, decode, expand, CorruptEntry, RESPONSE_KINDS } = require("./entry-codec.cjs");

/** Next 16 stores a page as `/route-cache/<kind>/<sha256 of the route>/$<page path>` ("/" is "/index"). */
const pagePathOf = (key) => {
  const at = key.indexOf("/$/");
  return at >= 0 ? key.slice(at + 2) : key;
};

/** An entry none of whose tags was expired after it was stored. */
function expired(record) {
  return record.tags.length > 0 && areTagsExpired(record.tags, record.lastModified);
}

/** Fresh enough to send without asking Next: not expired, not stale, no time-based revalidation due. */
function servable(record, now = Date.now()) {
  if (record.tags.length > 0 && (areTagsExpired(record.tags, record.lastModified) || areTagsStale(record.tags, record.lastModified))) return false;
  const revalidate = record.cacheControl && record.cacheControl.revalidate;
  return !(typeof revalidate === "number" && record.lastModified + revalidate * 1000 <= now);
}

class PageStore {
  /**
   * @param {{ memoryBytes: number, tier?: { get, set, delete, close, name } | null,
   *           sharedReadable?: () => boolean }} options
   * `sharedReadable`: false while this instance may have missed invalidations
   * (its PostgreSQL channel is down): the persistent tier is then not read.
   */
  constructor({ memoryBytes, tier = null, sharedReadable = () => true }) {
    this.tier = tier;
    this.sharedReadable = sharedReadable;
    /**
     * Prefix of every key in the persistent tier (build and database, set by
     * the handler): until it is known, the tier is neither read nor written.
     */
    this.namespace = null;
    /** page path → cache key, for the hot path. */
    this.byPath = new Map();
    /**
     * Told (page path, key) of every page entry stored or read here: the hot
     * path learns the key of a page whose first answer went out before Next
     * stored it (it then finds the page in the persistent tier once evicted).
     */
    this.onPageKey = null;
    this.memory = new LRUCache({
      // Whole bytes: PAGE_CACHE_MEMORY_MB may be a fraction (lru-cache throws on a fractional bound).
      maxSize: Math.max(1, Math.floor(memoryBytes)),
      sizeCalculation: (record) => Math.max(1, record.size),
      dispose: (record, key) => {
        const path = pagePathOf(key);
        if (this.byPath.get(path) === key) this.byPath.delete(path);
      },
    });
    this.pending = new Set();
    /**
     * key → the record `set` is building (compressing, a few ms): a `get` of
     * that key meanwhile waits for it instead of missing, so Next need not
     * wait for the compression before it sends the page it just rendered.
     */
    this.storing = new Map();
    /** key → the hot path's read of the persistent tier in flight (one read per key however many readers wait). */
    this.reading = new Map();
    this.stats = { memoryHits: 0, tierHits: 0, misses: 0, corrupt: 0, writes: 0 };
  }

  remember(key, record) {
    if (record.served) this.onPageKey?.(pagePathOf(key), key);
    // An entry larger than the whole memory tier is kept only in the persistent tier.
    if (record.size > this.memory.maxSize) return;
    this.memory.set(key, record);
    if (record.served) this.byPath.set(pagePathOf(key), key);
  }

  /** Memory only, synchronous: the hot path's lookup. Null unless fresh and servable. */
  servableByKey(key) {
    const record = this.memory.get(key);
    if (!record || !record.served || !servable(record)) return null;
    return record;
  }

  /** Whether the persistent tier may be read now: it exists, its namespace is known, nothing was missed, it is not failing. */
  tierReadable() {
    return !!this.tier && this.namespace !== null && this.sharedReadable() && this.tier.healthy !== false;
  }

  /**
   * The hot path's lookup on a memory miss: the record being stored (a page
   * rendered a moment ago), else the persistent tier, with the same rules as
   * `get()` (not while invalidations may have been missed), promoted to
   * memory. Null unless servable, and on any fault: Next then answers.
   */
  async servableOnMiss(key) {
    // A page rendered a moment ago may still be being compressed: then it is in memory once stored.
    await this.stored(key);
    const stored = this.servableByKey(key);
    if (stored) return stored;
    if (!this.tierReadable()) return null;
    let reading = this.reading.get(key);
    if (!reading) {
      reading = this.get(key)
        .catch((error) => {
          console.warn(`[cache] hot path: could not read ${key} from the ${this.tier.name}`, error);
          return null;
        })
        .finally(() => this.reading.delete(key));
      this.reading.set(key, reading);
    }
    const record = await reading;
    // Checked again now: a revalidation or a lost channel during the read counts.
    if (!record || !record.served || !this.sharedReadable() || !servable(record)) return null;
    return record;
  }

  /** Resolves once a `set` of `key` in progress is done (at once when there is none). */
  async stored(key) {
    const storing = this.storing.get(key);
    if (storing) await storing.promise.catch(() => null);
  }

  /** A record that has not expired: memory, then the persistent tier (when readable). */
  async get(key) {
    await this.stored(key);
    const inMemory = this.memory.get(key);
    if (inMemory) {
      if (!expired(inMemory)) {
        this.stats.memoryHits++;
        return inMemory;
      }
      this.memory.delete(key);
    }
    if (!this.tier || this.namespace === null || !this.sharedReadable()) {
      this.stats.misses++;
      return null;
    }
    const tierKey = `${this.namespace}:${key}`;
    const blob = await this.tier.get(tierKey);
    if (!blob) {
      this.stats.misses++;
      return null;
    }
    let record;
    try {
      record = decode(blob, key);
    } catch (error) {
      if (!(error instanceof CorruptEntry)) throw error;
      await this.discard(key, error);
      return null;
    }
    if (expired(record)) {
      this.stats.misses++;
      return null;
    }
    this.stats.tierHits++;
    this.remember(key, record);
    return record;
  }

  /**
   * Next's entry `{ value, lastModified, cacheControl }` (decompressed) for a
   * record that has not expired, or null. An entry that does not decompress is
   * discarded from every tier: the page is rendered again.
   */
  async load(key) {
    const record = await this.get(key);
    if (!record) return null;
    try {
      return expand(record);
    } catch (error) {
      if (!(error instanceof CorruptEntry)) throw error;
      await this.discard(key, error);
      return null;
    }
  }

  async discard(key, error) {
    this.stats.corrupt++;
    console.warn(`[cache] discarded a corrupt entry (${error.message}): ${key}`);
    this.memory.delete(key);
    if (this.tier && this.namespace !== null) await this.tier.delete(`${this.namespace}:${key}`);
  }

  /**
   * Stores Next's entry: compressed on libuv's thread pool, then kept in
   * memory, and written to the persistent tier in the background (a slow disk
   * or Redis never delays a response). A `get` of the key meanwhile waits for
   * the record; `flush()` waits for everything. Resolves to the record.
   */
  set(key, data, { persist = true } = {}) {
    const token = {};
    if (RESPONSE_KINDS.has(data.value?.kind)) {
      // Known at once, so the hot path finds the page (and waits for its record) from the moment Next sends it.
      this.byPath.set(pagePathOf(key), key);
      this.onPageKey?.(pagePathOf(key), key);
    }
    const promise = recordOf(key, data).then(
      (record) => {
        // A later set of the same key (a re-render) wins, whichever finishes compressing first.
        if (this.storing.get(key)?.token !== token) return record;
        this.remember(key, record);
        this.storing.delete(key);
        if (persist) this.persist(key, record);
        return record;
      },
      (error) => {
        if (this.storing.get(key)?.token === token) this.storing.delete(key);
        console.warn(`[cache] could not store ${key}`, error);
        throw error;
      },
    );
    this.storing.set(key, { token, promise });
    const settled = promise.catch(() => undefined).finally(() => this.pending.delete(settled));
    this.pending.add(settled);
    return promise;
  }

  /** Writes a record to the persistent tier in the background (tracked for `flush()`). */
  persist(key, record) {
    if (!this.tier || this.namespace === null || !record.served) return;
    const tierKey = `${this.namespace}:${key}`;
    const write = Promise.resolve()
      .then(() => this.tier.set(tierKey, encode(record)))
      .then(() => void this.stats.writes++)
      .catch((error) => console.warn(`[cache] could not store ${key} in the ${this.tier.name}`, error))
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  async flush() {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async close() {
    await this.flush();
    await this.tier?.close();
  }
}

module.exports = { PageStore, pagePathOf, expired, servable };
