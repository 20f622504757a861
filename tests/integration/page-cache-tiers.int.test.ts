import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient } from "redis";
import { startRedis, type TestRedis } from "../support/redis-server";

// The page cache is plain CommonJS (Next loads the handler itself); these are its real modules.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PageStore } = require("../../lib/cache/page-store.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DiskTier, RedisTier, fileNameOf } = require("../../lib/cache/tiers.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyRevalidation } = require("../../lib/cache/handler.cjs");

type Store = InstanceType<typeof PageStore>;

let seq = 0;
/** A page entry shaped as Next 16 hands it to the cache handler (APP_PAGE: html, RSC payload, segments, tags). */
function pageEntry(slug: string, words = 4000) {
  seq++;
  const body = Array.from({ length: words }, (_, i) => `word${(i * 7 + seq) % 500}`).join(" ");
  return {
    key: `/route-cache/APP_PAGE/abc${seq}/$/posts/${slug}`,
    data: {
      lastModified: Date.now(),
      cacheControl: { revalidate: false },
      value: {
        kind: "APP_PAGE",
        html: `<!DOCTYPE html><html><body><h1>${slug}</h1><p>${body}</p></body></html>`,
        rscData: Buffer.from(`0:{"slug":"${slug}","body":"${body.slice(0, 2000)}"}`),
        segmentData: new Map([["/_tree", Buffer.from(`tree of ${slug}`)]]),
        headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_/posts/${slug}`, "x-nextjs-stale-time": "300" },
        status: 200,
        postponed: undefined,
      },
    },
  };
}

const dirs: string[] = [];
function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-page-cache-"));
  dirs.push(dir);
  return dir;
}
function diskStore(dir: string, maxBytes = 50 * 1024 * 1024, memoryBytes = 64 * 1024 * 1024): Store {
  const store = new PageStore({ memoryBytes, tier: new DiskTier({ dir, maxBytes }) });
  store.namespace = "test";
  return store;
}
function filesIn(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)) : [];
}
const bytesIn = (dir: string) => filesIn(dir).reduce((sum, file) => sum + fs.statSync(file).size, 0);

afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("page cache, disk tier", () => {
  it("serves a page rendered once after a restart, from compressed bytes", async () => {
    const dir = tempDir();
    const { key, data } = pageEntry("harbour");
    const first = diskStore(dir);
    await first.set(key, data);
    await first.close();

    const [file] = filesIn(dir);
    expect(file).toBeDefined();
    expect(fs.statSync(file!).size).toBeLessThan(data.value.html.length / 2);

    const restarted = diskStore(dir);
    const entry = await restarted.load(key);
    expect(entry?.value.html).toBe(data.value.html);
    expect(Buffer.compare(entry.value.rscData, data.value.rscData)).toBe(0);
    expect(entry.value.segmentData.get("/_tree").toString()).toBe("tree of harbour");
    expect(entry.value.headers).toEqual(data.value.headers);
    expect(entry.lastModified).toBe(data.lastModified);
    const record = await restarted.get(key);
    expect(record.lastModified).toBe(data.lastModified);
    // The stored compressed forms are what br and gzip clients get.
    expect(zlib.brotliDecompressSync(record.served.br).toString()).toBe(data.value.html);
    expect(zlib.gunzipSync(record.served.gz).toString()).toBe(data.value.html);
    expect(restarted.stats.tierHits).toBe(1);
  });

  it("a page read while it is still being compressed is waited for, not missed (Next sends it without waiting for the compression)", async () => {
    const store = diskStore(tempDir());
    const { key, data } = pageEntry("just-rendered");
    const storing = store.set(key, data); // what the handler does, without awaiting
    const read = await store.load(key);
    expect(read?.value.html).toBe(data.value.html);
    expect(store.stats.misses).toBe(0);
    await storing;

    // A re-render stored while the first is still compressing wins, whichever finishes first.
    const later = { ...data, lastModified: data.lastModified + 1000, value: { ...data.value, html: data.value.html.replace("just-rendered", "re-rendered") } };
    const first = store.set(key, data);
    const second = store.set(key, later);
    await Promise.all([first, second]);
    expect((await store.load(key))?.value.html).toContain("re-rendered");
    await store.close();
  });

  it("stays within its size, evicting the least recently used pages", async () => {
    const dir = tempDir();
    const probe = diskStore(tempDir());
    const sample = pageEntry("probe");
    await probe.set(sample.key, sample.data);
    await probe.flush();
    const entryBytes = bytesIn(dirs.at(-1)!);
    const maxBytes = entryBytes * 5;

    const store = diskStore(dir, maxBytes, 1);
    const keep = pageEntry("kept");
    await store.set(keep.key, keep.data);
    await store.flush();
    for (let i = 0; i < 12; i++) {
      const { key, data } = pageEntry(`filler-${i}`);
      await store.set(key, data);
      await store.flush();
      // Read the kept page each time: it is the most recently used one.
      expect((await store.load(keep.key))?.value.html).toBe(keep.data.value.html);
      expect(bytesIn(dir)).toBeLessThanOrEqual(maxBytes);
    }
    expect(filesIn(dir).length).toBeLessThan(6);
    expect(fs.existsSync(path.join(dir, fileNameOf(`test:${keep.key}`).slice(0, 2), fileNameOf(`test:${keep.key}`)))).toBe(true);
  });

  it("learns the size of what a previous run left and trims it to a smaller bound", async () => {
    const dir = tempDir();
    const store = diskStore(dir);
    for (let i = 0; i < 6; i++) {
      const { key, data } = pageEntry(`old-${i}`);
      await store.set(key, data);
    }
    await store.close();
    const before = bytesIn(dir);
    const smaller = new DiskTier({ dir, maxBytes: Math.floor(before / 2) });
    await smaller.scanned;
    expect(bytesIn(dir)).toBeLessThanOrEqual(Math.floor(before / 2));
  });

  it("discards a corrupt entry and renders instead of failing", async () => {
    const dir = tempDir();
    const { key, data } = pageEntry("torn");
    const store = diskStore(dir);
    await store.set(key, data);
    await store.close();
    const [file] = filesIn(dir);
    const bytes = fs.readFileSync(file!);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    fs.writeFileSync(file!, bytes);

    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const restarted = diskStore(dir);
    expect(await restarted.get(key)).toBeNull();
    expect(fs.existsSync(file!)).toBe(false);
    expect(restarted.stats.corrupt).toBe(1);
    expect(warn.mock.calls.flat().join(" ")).toMatch(/corrupt entry/);

    // A truncated file (a write cut short) is discarded the same way.
    await restarted.set(key, data);
    await restarted.flush();
    const [again] = filesIn(dir);
    fs.truncateSync(again!, 100);
    const third = diskStore(dir);
    expect(await third.get(key)).toBeNull();
    expect(filesIn(dir)).toEqual([]);
  });

  it("never serves an entry whose tags were revalidated after it was stored", async () => {
    const dir = tempDir();
    const before = pageEntry("edited");
    const store = diskStore(dir);
    await store.set(before.key, before.data);
    await store.close();

    await new Promise((resolve) => setTimeout(resolve, 5));
    applyRevalidation(`_N_T_/posts/edited`, null, Date.now());
    const restarted = diskStore(dir);
    expect(await restarted.get(before.key)).toBeNull();

    // Re-rendered after the revalidation: served again, by any tier.
    const after = { ...before.data, lastModified: Date.now() + 1 };
    await restarted.set(before.key, after);
    await restarted.close();
    expect((await diskStore(dir).load(before.key))?.value.html).toBe(before.data.value.html);
    // The memory tier obeys the same rule, for whatever tag the entry carries.
    const memory = diskStore(tempDir());
    const other = pageEntry("other");
    await memory.set(other.key, other.data);
    expect(await memory.get(other.key)).not.toBeNull();
    expect(memory.servableByKey(other.key)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    applyRevalidation(`_N_T_/posts/other`, null, Date.now());
    expect(memory.servableByKey(other.key)).toBeNull();
    expect(await memory.get(other.key)).toBeNull();
  });

  it("does not read the persistent tier while invalidations may have been missed", async () => {
    const dir = tempDir();
    const { key, data } = pageEntry("missed");
    const writer = diskStore(dir);
    await writer.set(key, data);
    await writer.close();
    let connected = false;
    const reader = new PageStore({ memoryBytes: 1024 * 1024, tier: new DiskTier({ dir, maxBytes: 1e9 }), sharedReadable: () => connected });
    reader.namespace = "test";
    expect(await reader.get(key)).toBeNull();
    connected = true;
    expect(await reader.get(key)).not.toBeNull();
  });

  it("keeps serving when the disk fails: a warning, then pages from memory and renders", async () => {
    const parent = tempDir();
    const dir = path.join(parent, "not-a-directory");
    fs.writeFileSync(dir, "a file where the cache directory should be");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const store = diskStore(dir);
    const { key, data } = pageEntry("diskfail");
    await expect(store.set(key, data)).resolves.toBeDefined();
    await store.flush();
    expect(warn.mock.calls.flat().join(" ")).toMatch(/disk tier .* failed/);
    // Still served from memory on this instance.
    expect((await store.load(key))?.value.html).toBe(data.value.html);
    // A fresh instance on the same broken disk renders (a miss), without throwing.
    const fresh = diskStore(dir);
    await expect(fresh.get(key)).resolves.toBeNull();
  });

  it("bounds the memory tier in bytes", async () => {
    const sample = pageEntry("size");
    const probe = new PageStore({ memoryBytes: 1e9 });
    const record = await probe.set(sample.key, sample.data);
    const store = new PageStore({ memoryBytes: record.size * 3 });
    for (let i = 0; i < 10; i++) {
      const { key, data } = pageEntry(`mem-${i}`);
      await store.set(key, data);
    }
    expect(store.memory.calculatedSize).toBeLessThanOrEqual(record.size * 3);
    expect(store.memory.size).toBeLessThanOrEqual(3);
  });

  it("takes a bound that is not a whole number of bytes (PAGE_CACHE_MEMORY_MB=1.3)", async () => {
    const store = new PageStore({ memoryBytes: 1.3 * 1024 * 1024 });
    const { key, data } = pageEntry("fraction");
    await store.set(key, data);
    expect(store.memory.maxSize).toBe(Math.floor(1.3 * 1024 * 1024));
    expect(store.memory.has(key)).toBe(true);
  });
});

/** An article-like page (~70 kB): paragraphs of words drawn from a vocabulary with a skewed, prose-like frequency. */
function articleEntry(slug: string, paragraphs = 90) {
  let state = [...slug].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7);
  const random = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
  const vocabulary = Array.from({ length: 600 }, (_, i) => (i * 2654435761).toString(36).slice(0, 2 + (i % 8)));
  const word = () => vocabulary[Math.floor(vocabulary.length * random() ** 2.5)];
  const body = Array.from({ length: paragraphs }, (_, p) => `<p class="para" data-index="${p}">${Array.from({ length: 100 }, word).join(" ")}.</p>`).join("\n");
  const entry = pageEntry(slug);
  entry.data.value.html = `<!DOCTYPE html><html><body><h1>${slug}</h1><article>${body}</article></body></html>`;
  entry.data.value.rscData = Buffer.from(`0:{"slug":"${slug}","body":${JSON.stringify(body.slice(0, 20000))}}`);
  return entry;
}

describe("page cache, memory tier", () => {
  it("holds pages in their compact form (br + gzip + compressed RSC), and counts what it really holds", async () => {
    const store = new PageStore({ memoryBytes: 1e9 });
    const count = 200;
    let rawBytes = 0;
    let compressedBytes = 0;
    let sampleKey = "";
    let sampleHtml = "";
    for (let i = 0; i < count; i++) {
      const { key, data } = articleEntry(`compact-${i}`);
      rawBytes += data.value.html.length + data.value.rscData.length;
      if (i === 7) [sampleKey, sampleHtml] = [key, data.value.html];
      const record = await store.set(key, data);
      compressedBytes += record.served.br.length + record.served.gz.length + record.served.rest.length;
    }
    const counted = store.memory.calculatedSize;
    expect(store.memory.size).toBe(count);
    // Decompressed on demand for Next's path, identical.
    const entry = await store.load(sampleKey);
    expect(entry?.value.html).toBe(sampleHtml);
    expect(entry.value.rscData.toString()).toContain(`"slug":"compact-7"`);
    // What the memory tier really holds for a page: every string and byte reachable from its record
    // (a walk of the object, not a heap measurement, which other work in the process disturbs).
    const reachable = (root: unknown) => {
      const seen = new Set<unknown>();
      let bytes = 0;
      const texts: string[] = [];
      const visit = (value: unknown) => {
        if (typeof value === "string") {
          bytes += value.length;
          texts.push(value);
        } else if (Buffer.isBuffer(value) || value instanceof Uint8Array) {
          // Views share their memory: count each underlying allocation once, whole.
          if (!seen.has(value.buffer)) bytes += value.buffer.byteLength;
          seen.add(value.buffer);
        } else if (value && typeof value === "object" && !seen.has(value)) {
          seen.add(value);
          for (const child of value instanceof Map ? [...value.keys(), ...value.values()] : Object.values(value)) visit(child);
        }
      };
      visit(root);
      return { bytes, texts };
    };
    const records = [...store.memory.values()];
    const held = records.reduce((sum, record) => sum + reachable(record).bytes, 0);
    const sample = reachable(store.memory.get(sampleKey));
    console.log(`memory tier: ${count} pages, raw ${rawBytes} B, compressed ${compressedBytes} B, counted ${counted} B, reachable ${held} B`);
    // Counted: the compressed forms and a little per entry, not the raw HTML and RSC payload
    // (text compresses ~3.5x; real pages, with their markup, more: lib/cache/README.md).
    expect(counted).toBeGreaterThanOrEqual(compressedBytes);
    expect(counted).toBeLessThan(compressedBytes + count * 2048);
    expect(counted).toBeLessThan(rawBytes * 0.75);
    // And what is counted is what is held: no raw copy of the page kept on the side.
    expect(sample.texts.some((text) => text.includes(sampleHtml.slice(0, 200)))).toBe(false);
    expect(held).toBeLessThan(counted * 1.1);
    expect(held).toBeGreaterThan(counted * 0.7);
  });
});

describe("page cache, Redis tier (a real redis-server)", () => {
  let redis: TestRedis;
  const open: Store[] = [];
  const redisStore = (): Store => {
    const store = new PageStore({ memoryBytes: 64 * 1024 * 1024, tier: new RedisTier({ url: redis.url, ttlSeconds: 3600 }) });
    store.namespace = "test";
    open.push(store);
    return store;
  };
  const untilReady = async (store: Store) => {
    for (let i = 0; i < 100 && !store.tier.ready; i++) await new Promise((r) => setTimeout(r, 50));
    expect(store.tier.ready).toBe(true);
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const store of open) await store.close();
    await redis.stop();
  });

  it("shares a page between instances: rendered once, served by every instance", async () => {
    const a = redisStore();
    const b = redisStore();
    await untilReady(a);
    await untilReady(b);
    const { key, data } = pageEntry("fleet");
    await a.set(key, data);
    await a.flush();
    const entry = await b.load(key);
    expect(entry?.value.html).toBe(data.value.html);
    expect(b.stats.tierHits).toBe(1);

    // Stored compressed, with a time to live (the bound besides Redis's maxmemory).
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const ttl = await raw.ttl(`broadsheet:page:test:${key}`);
    const size = await raw.strLen(`broadsheet:page:test:${key}`);
    await raw.close();
    expect(ttl).toBeGreaterThan(3500);
    expect(size).toBeLessThan(data.value.html.length / 2);
  });

  it("keeps serving while Redis is down (warns, renders), and uses it again when it is back", async () => {
    const a = redisStore();
    await untilReady(a);
    const { key, data } = pageEntry("outage");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await redis.stop();

    const b = redisStore();
    await expect(b.get(key)).resolves.toBeNull();
    await expect(a.set(key, data)).resolves.toBeDefined();
    await a.flush();
    expect((await a.load(key))?.value.html).toBe(data.value.html); // memory still serves
    expect(warn.mock.calls.flat().join(" ")).toMatch(/Redis tier/);

    await redis.start();
    await untilReady(a);
    await untilReady(b);
    await a.set(key, data);
    await a.flush();
    expect((await b.load(key))?.value.html).toBe(data.value.html);
  });

  it("discards a corrupt entry found in Redis", async () => {
    const a = redisStore();
    await untilReady(a);
    const { key } = pageEntry("garbage");
    const raw = createClient({ url: redis.url });
    await raw.connect();
    await raw.set(`broadsheet:page:test:${key}`, "BSC1 but not really an entry");
    vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await a.get(key)).toBeNull();
    expect(await raw.exists(`broadsheet:page:test:${key}`)).toBe(0);
    await raw.close();
  });
});
