/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
/**
 * Persistent tiers under the page cache's memory LRU (lib/cache/README.md).
 * Both hold opaque blobs (lib/cache/entry-codec.cjs) by cache key and never
 * throw to their caller: a failure is a miss, logged once per outage.
 *
 * - DiskTier: one file per entry under a directory, written atomically
 *   (temp file + rename), bounded by bytes with least-recently-used eviction.
 * - RedisTier: one key per entry in a Redis shared by every instance, bounded
 *   by the server's maxmemory (allkeys-lru) and a time to live per entry.
 */
const fs = require("node:fs");
const fsp = require("node:fs/promises");
const path = require("node:path");
const crypto = require("node:crypto");

/** Logs the first failure of an outage and the recovery; nothing in between. */
class Warner {
  constructor(name) {
    this.name = name;
    this.failing = false;
  }
  fail(what, error) {
    if (this.failing) return;
    this.failing = true;
    console.warn(`[cache] ${this.name}: ${what} failed (${error && error.message ? error.message : error}); pages are rendered and served without it until it recovers`);
  }
  ok() {
    if (!this.failing) return;
    this.failing = false;
    console.warn(`[cache] ${this.name}: working again`);
  }
}

const fileNameOf = (key) => crypto.createHash("sha256").update(key).digest("hex");

class DiskTier {
  /** @param {{ dir: string, maxBytes: number }} options */
  constructor({ dir, maxBytes }) {
    this.name = `disk tier (${dir})`;
    this.dir = path.resolve(dir);
    this.maxBytes = maxBytes;
    this.warner = new Warner(this.name);
    /** name → size, in least-recently-used order (Map keeps insertion order). */
    this.files = new Map();
    this.bytes = 0;
    this.scanned = this.scan();
  }

  /** False after a failure until a read or write succeeds again (the hot path then leaves the tier to Next's path). */
  get healthy() {
    return !this.warner.failing;
  }

  pathOf(name) {
    return path.join(this.dir, name.slice(0, 2), name);
  }

  /** Learns what a previous run left (sizes, oldest access first), then trims to the bound. */
  async scan() {
    try {
      await fsp.mkdir(this.dir, { recursive: true });
      const found = [];
      for (const sub of await fsp.readdir(this.dir)) {
        if (!/^[0-9a-f]{2}$/.test(sub)) continue;
        for (const name of await fsp.readdir(path.join(this.dir, sub))) {
          const file = path.join(this.dir, sub, name);
          if (name.includes(".tmp-")) {
            await fsp.rm(file, { force: true }); // a write cut off by a crash
            continue;
          }
          const stat = await fsp.stat(file).catch(() => null);
          if (stat) found.push({ name, size: stat.size, atime: stat.atimeMs });
        }
      }
      found.sort((a, b) => a.atime - b.atime);
      for (const file of found) {
        if (this.files.has(file.name)) continue; // written by this run meanwhile
        this.files.set(file.name, file.size);
        this.bytes += file.size;
      }
      await this.evict();
    } catch (error) {
      this.warner.fail("reading the cache directory", error);
    }
  }

  async get(key) {
    const name = fileNameOf(key);
    try {
      const blob = await fsp.readFile(this.pathOf(name));
      const size = this.files.get(name);
      if (size !== undefined) {
        this.files.delete(name);
        this.files.set(name, size);
      }
      this.warner.ok();
      return blob;
    } catch (error) {
      if (error.code !== "ENOENT") this.warner.fail("a read", error);
      return null;
    }
  }

  async set(key, blob) {
    if (blob.length > this.maxBytes) return;
    const name = fileNameOf(key);
    const file = this.pathOf(name);
    const temp = `${file}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
    try {
      await fsp.mkdir(path.dirname(file), { recursive: true });
      await fsp.writeFile(temp, blob);
      await fsp.rename(temp, file);
      this.forget(name);
      this.files.set(name, blob.length);
      this.bytes += blob.length;
      this.warner.ok();
    } catch (error) {
      fs.rm(temp, { force: true }, () => undefined);
      this.warner.fail("a write", error);
      return;
    }
    await this.evict();
  }

  async delete(key) {
    const name = fileNameOf(key);
    this.forget(name);
    await fsp.rm(this.pathOf(name), { force: true }).catch(() => undefined);
  }

  forget(name) {
    const size = this.files.get(name);
    if (size === undefined) return;
    this.files.delete(name);
    this.bytes -= size;
  }

  /** Deletes least recently used files until the directory is at 90 % of its bound. */
  async evict() {
    if (this.bytes <= this.maxBytes) return;
    const target = this.maxBytes * 0.9;
    const victims = [];
    for (const [name, size] of this.files) {
      if (this.bytes <= target) break;
      victims.push(name);
      this.files.delete(name);
      this.bytes -= size;
    }
    await Promise.all(victims.map((name) => fsp.rm(this.pathOf(name), { force: true }).catch(() => undefined)));
  }

  async close() {}
}

/** Redis commands wait at most this long: a slow Redis must not slow pages more than a render would. */
const REDIS_TIMEOUT_MS = 250;

class RedisTier {
  /** @param {{ url: string, ttlSeconds: number, prefix?: string }} options */
  constructor({ url, ttlSeconds, prefix = "broadsheet:page:" }) {
    const { createClient, RESP_TYPES } = require("redis");
    this.name = "Redis tier";
    this.ttlSeconds = ttlSeconds;
    this.prefix = prefix;
    this.warner = new Warner(this.name);
    this.client = createClient({
      url,
      // Fail at once while disconnected instead of queueing: a miss renders the page.
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 5000) },
    }).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    this.client.on("error", (error) => this.warner.fail("the connection", error));
    this.client.on("ready", () => this.warner.ok());
    this.connecting = this.client.connect().catch((error) => this.warner.fail("connecting", error));
  }

  get ready() {
    return this.client.isReady;
  }

  /** Connected, and the last command answered in time (the hot path then reads it; Next's path always tries). */
  get healthy() {
    return this.client.isReady && !this.warner.failing;
  }

  async withTimeout(what, run) {
    if (!this.client.isReady) return null;
    let timer;
    try {
      const result = await Promise.race([
        run(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
        }),
      ]);
      this.warner.ok();
      return result;
    } catch (error) {
      this.warner.fail(what, error);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  async get(key) {
    const blob = await this.withTimeout("a read", () => this.client.get(this.prefix + key));
    return Buffer.isBuffer(blob) ? blob : null;
  }

  async set(key, blob) {
    await this.withTimeout("a write", () => this.client.set(this.prefix + key, blob, { expiration: { type: "EX", value: this.ttlSeconds } }));
  }

  async delete(key) {
    await this.withTimeout("a delete", () => this.client.del(this.prefix + key));
  }

  async close() {
    await this.connecting;
    if (this.client.isOpen) await this.client.close().catch(() => undefined);
  }
}

module.exports = { DiskTier, RedisTier, fileNameOf };
