import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient } from "redis";
import { startRedis, type TestRedis } from "../support/redis-server";

/**
 * The hot path (lib/cache/hot-path.cjs) on a memory miss: the page store's
 * persistent tier (a real directory, a real redis-server), through a real
 * HTTP server wired as scripts/serve.cjs wires it (`hot.dispatch`). Behind it
 * stands the part of Next.js that matters here, as the cache handler does it:
 * the page from the store when it has it (x-nextjs-cache HIT), else a render
 * (counted, MISS) stored in the store. Next never sends brotli: a `br` answer
 * is the hot path's. (tests/e2e/hot-path.spec.ts does the same with Next itself.)
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PageStore } = require("../../lib/cache/page-store.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DiskTier, RedisTier, fileNameOf } = require("../../lib/cache/tiers.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createHotPath } = require("../../lib/cache/hot-path.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { applyRevalidation } = require("../../lib/cache/handler.cjs");

type Store = InstanceType<typeof PageStore>;
const PRIVATE = "private, no-cache, no-store, max-age=0, must-revalidate";
const PUBLIC = "public, max-age=0, s-maxage=5, stale-while-revalidate=30";
const run = Date.now().toString(36);
const keyOf = (pagePath: string) => `/route-cache/APP_PAGE/5ea7c0de/$${pagePath}`;

/** An article page (~40 kB of HTML) as Next hands it to the cache handler. */
function render(pagePath: string, wordCount = 5000) {
  const words = Array.from({ length: wordCount }, (_, i) => `w${(i * 7919 + pagePath.length * 31) % 997}`).join(" ");
  return {
    lastModified: Date.now(),
    cacheControl: { revalidate: false },
    value: {
      kind: "APP_PAGE",
      html: `<!DOCTYPE html><html><body><h1>${pagePath}</h1><p>${words}</p></body></html>`,
      rscData: Buffer.from(`0:{"path":"${pagePath}"}`),
      segmentData: new Map([["/_tree", Buffer.from(`tree of ${pagePath}`)]]),
      headers: { "x-next-cache-tags": `_N_T_/layout,_N_T_${pagePath}` },
      status: 200,
      postponed: undefined,
    },
  };
}

type Site = { base: string; store: Store; hot: ReturnType<typeof createHotPath>; renders: string[]; state: { readable: boolean }; close: () => Promise<void> };

/**
 * `storeAfterAnswer`: a render is answered before it is stored, as Next may do (the store learns the page after its headers went out).
 * `storeInBackground`: stored as the cache handler stores it, not awaited (the page goes out while it is compressed); `wordCount`: page size.
 */
async function startSite(tier: unknown, memoryBytes: number, { storeAfterAnswer = false, storeInBackground = false, wordCount = 5000 } = {}): Promise<Site> {
  const state = { readable: true };
  const store: Store = new PageStore({ memoryBytes, tier, sharedReadable: () => state.readable });
  store.namespace = `test-${run}`;
  const renders: string[] = [];
  const hot = createHotPath({
    pageCache: () => ({ store, ready: true }),
    sessionCookies: ["next-auth.session-token"],
    privatePrefixes: ["api", "dashboard"],
    privateCacheControl: PRIVATE,
    databaseUnavailable: () => false,
  });
  // Next's part: the cache handler's get (store.load), else a render stored with store.set.
  const next = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pagePath = req.url!;
    const key = keyOf(pagePath);
    let entry = await store.load(key);
    let cache = "HIT";
    let storing: (() => Promise<void>) | null = null;
    if (!entry) {
      renders.push(pagePath);
      const rendered = render(pagePath, wordCount);
      entry = rendered;
      storing = () => store.set(key, rendered);
      if (storeInBackground) void storing().catch(() => undefined);
      else if (!storeAfterAnswer) await storing();
      cache = "MISS";
    }
    const signedIn = (req.headers.cookie ?? "").includes("next-auth.session-token=");
    res.setHeader("Cache-Control", signedIn ? PRIVATE : PUBLIC);
    res.setHeader("x-nextjs-cache", cache);
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("ETag", `"${entry.value.html.length.toString(36)}"`);
    res.writeHead(200);
    res.end(entry.value.html);
    if (storeAfterAnswer && storing) await storing();
  };
  const server = http.createServer((req, res) => hot.dispatch(req, res, next));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    await new Promise((resolve) => server.close(resolve));
    await store.close();
  };
  return { base, store, hot, renders, state, close };
}

type Raw = { status: number; body: Buffer; html: string; headers: http.IncomingHttpHeaders };
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": "br", ...headers }, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const body = Buffer.concat(chunks);
          const encoding = res.headers["content-encoding"];
          const html = (encoding === "br" ? zlib.brotliDecompressSync(body) : encoding === "gzip" ? zlib.gunzipSync(body) : body).toString();
          resolve({ status: res.statusCode!, body, html, headers: res.headers });
        });
      })
      .on("error", reject);
  });
}

/** The size of one page's record, to bound memory to about one page. */
async function recordSize(): Promise<number> {
  const probe = new PageStore({ memoryBytes: 1e9 });
  return (await probe.set(keyOf("/posts/probe"), render("/posts/probe-0000000"))).size;
}

/** Three pages seen by Next (rendered, stored, headers learnt), then only the last one left in memory. */
async function seenThenEvicted(site: Site, names: string[]) {
  for (const name of names) {
    expect((await get(`${site.base}${name}`)).headers["x-nextjs-cache"]).toBe("MISS");
    await site.store.flush();
  }
  for (const name of names.slice(0, -1)) expect(site.store.memory.has(keyOf(name))).toBe(false);
}

const dirs: string[] = [];
afterEach(() => vi.restoreAllMocks());
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe("hot path, a render answered before Next stored it", () => {
  it("learns the page's key when it is stored, so it still serves the page from disk once evicted", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-hot-path-late-"));
    dirs.push(dir);
    const site = await startSite(new DiskTier({ dir, maxBytes: 50 * 1024 * 1024 }), Math.ceil((await recordSize()) * 1.5), { storeAfterAnswer: true });
    try {
      const [a, b, c] = ["a", "b", "c"].map((n) => `/posts/late-${n}-${run}`);
      for (const name of [a!, b!, c!]) {
        expect((await get(`${site.base}${name}`)).headers["x-nextjs-cache"]).toBe("MISS");
        await new Promise((r) => setTimeout(r, 20)); // the store write after the answer
        await site.store.flush();
      }
      expect(site.store.memory.has(keyOf(a!))).toBe(false);
      const rendered = site.renders.length;
      const fromDisk = await get(`${site.base}${a}`);
      expect(fromDisk.headers["content-encoding"]).toBe("br"); // the hot path's answer, from disk
      expect(fromDisk.html).toBe(render(a!).value.html);
      expect(site.renders.length).toBe(rendered);
      expect(site.hot.stats.tierHits).toBe(1);
    } finally {
      await site.close();
    }
  });
});

describe("hot path, a render sent while it is still being compressed (as the cache handler stores it)", () => {
  it("serves the page at once: a request arriving during the compression waits for the record instead of going to Next", async () => {
    // A 1.5 MB page: compressing it takes far longer than the next request takes to arrive.
    const site = await startSite(null, 64 * 1024 * 1024, { storeInBackground: true, wordCount: 300_000 });
    try {
      const page = `/posts/just-rendered-${run}`;
      const first = await get(`${site.base}${page}`);
      expect(first.headers["x-nextjs-cache"]).toBe("MISS");
      expect(site.store.storing.size).toBe(1); // still compressing
      const next = await get(`${site.base}${page}`);
      expect(next.headers["content-encoding"]).toBe("br"); // the hot path's answer
      expect(next.headers["x-nextjs-cache"]).toBe("HIT");
      expect(next.html).toBe(first.html);
      expect(site.renders).toEqual([page]);
    } finally {
      await site.close();
    }
  });
});

describe("hot path, memory miss, disk tier", () => {
  let site: Site;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-hot-path-"));
    dirs.push(dir);
    site = await startSite(new DiskTier({ dir, maxBytes: 50 * 1024 * 1024 }), Math.ceil((await recordSize()) * 1.5));
  });
  afterAll(() => site.close());

  it("serves a page evicted from memory from disk (HIT, the stored bytes, no render), then from memory again", async () => {
    const [a, b, c] = ["a", "b", "c"].map((n) => `/posts/evicted-${n}-${run}`);
    await seenThenEvicted(site, [a!, b!, c!]);
    const rendered = site.renders.length;

    const fromDisk = await get(`${site.base}${a}`);
    expect(fromDisk.status).toBe(200);
    expect(fromDisk.headers["content-encoding"]).toBe("br"); // the hot path's answer: Next never sends br
    expect(fromDisk.headers["x-nextjs-cache"]).toBe("HIT");
    expect(fromDisk.headers["cache-control"]).toBe(PUBLIC);
    expect(fromDisk.html).toBe(render(a!).value.html);
    expect(site.renders.length).toBe(rendered);
    expect(site.hot.stats.tierHits).toBe(1);
    // Promoted to memory: the next request is answered from there.
    expect(site.store.memory.has(keyOf(a!))).toBe(true);
    expect((await get(`${site.base}${a}`)).headers["content-encoding"]).toBe("br");
    expect(site.hot.stats.tierHits).toBe(1);

    // Evicted again (b is read from disk, so a leaves), then asked for by a client without br/gzip and by a signed-in reader.
    expect((await get(`${site.base}${b}`)).headers["content-encoding"]).toBe("br");
    expect(site.store.memory.has(keyOf(a!))).toBe(false);
    const identity = await get(`${site.base}${a}`, { "accept-encoding": "identity" });
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.headers["x-nextjs-cache"]).toBe("HIT");
    expect(Number(identity.headers["content-length"])).toBe(identity.body.length);
    expect(identity.html).toBe(render(a!).value.html);
    expect((await get(`${site.base}${b}`)).status).toBe(200);
    const signedIn = await get(`${site.base}${a}`, { cookie: "next-auth.session-token=someone" });
    expect(signedIn.headers["content-encoding"]).toBe("br");
    expect(signedIn.headers["cache-control"]).toBe(PRIVATE);
    // a, b, a, b, a: each time from disk (memory holds one page), never rendered.
    expect(site.hot.stats.tierHits).toBe(5);
    expect(site.renders.length).toBe(rendered);
  });

  it("does not serve an evicted page whose tag was revalidated after it was stored: Next renders it", async () => {
    const [a, b, c] = ["a", "b", "c"].map((n) => `/posts/revalidated-${n}-${run}`);
    await seenThenEvicted(site, [a!, b!, c!]);
    await new Promise((r) => setTimeout(r, 5));
    applyRevalidation(`_N_T_${a}`, null, Date.now());
    const hits = site.hot.stats.tierHits;

    const after = await get(`${site.base}${a}`);
    expect(after.status).toBe(200);
    expect(after.headers["content-encoding"]).toBeUndefined();
    expect(after.headers["x-nextjs-cache"]).toBe("MISS");
    expect(site.renders.filter((p) => p === a)).toHaveLength(2);
    expect(site.hot.stats.tierHits).toBe(hits);
    // The unrevalidated neighbour is still served from disk.
    expect((await get(`${site.base}${b}`)).headers["content-encoding"]).toBe("br");
    expect(site.hot.stats.tierHits).toBe(hits + 1);
  });

  it("does not read the tier while invalidations may have been missed (the channel is down)", async () => {
    const [a, b, c] = ["a", "b", "c"].map((n) => `/posts/channel-${n}-${run}`);
    await seenThenEvicted(site, [a!, b!, c!]);
    const hits = site.hot.stats.tierHits;
    site.state.readable = false;
    try {
      const page = await get(`${site.base}${a}`);
      expect(page.status).toBe(200);
      expect(page.headers["content-encoding"]).toBeUndefined();
      expect(site.hot.stats.tierHits).toBe(hits);
    } finally {
      site.state.readable = true;
    }
  });

  it("falls through to Next on a corrupt entry or a disk error: rendered, never an error", async () => {
    const [a, b, c] = ["a", "b", "c"].map((n) => `/posts/fault-${n}-${run}`);
    await seenThenEvicted(site, [a!, b!, c!]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const fileOf = (pagePath: string) => {
      const name = fileNameOf(`${site.store.namespace}:${keyOf(pagePath)}`);
      return path.join(dir, name.slice(0, 2), name);
    };
    // A flipped byte: the checksum fails, the entry is discarded, the page rendered.
    const bytes = fs.readFileSync(fileOf(a!));
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0xff;
    fs.writeFileSync(fileOf(a!), bytes);
    const corrupt = await get(`${site.base}${a}`);
    expect(corrupt.status).toBe(200);
    expect(corrupt.html).toBe(render(a!).value.html);
    expect(corrupt.headers["x-nextjs-cache"]).toBe("MISS");
    expect(warn.mock.calls.flat().join(" ")).toMatch(/corrupt entry/);

    // A read that fails (a directory where the file should be: EISDIR).
    fs.rmSync(fileOf(b!));
    fs.mkdirSync(fileOf(b!));
    const unreadable = await get(`${site.base}${b}`);
    expect(unreadable.status).toBe(200);
    expect(unreadable.html).toBe(render(b!).value.html);
    expect(unreadable.headers["x-nextjs-cache"]).toBe("MISS");
    fs.rmSync(fileOf(b!), { recursive: true });
  });
});

describe("hot path, memory miss, Redis tier (a real redis-server)", () => {
  let redis: TestRedis;
  let site: Site;
  beforeAll(async () => {
    redis = await startRedis();
    const tier = new RedisTier({ url: redis.url, ttlSeconds: 3600 });
    for (let i = 0; i < 100 && !tier.ready; i++) await new Promise((r) => setTimeout(r, 50));
    site = await startSite(tier, Math.ceil((await recordSize()) * 1.5));
  });
  afterAll(async () => {
    await site.close();
    await redis.stop();
  });

  it("serves a page evicted from memory from Redis (HIT, no render); not one whose tag was revalidated", async () => {
    const [a, b, c] = ["a", "b", "c"].map((n) => `/posts/redis-${n}-${run}`);
    await seenThenEvicted(site, [a!, b!, c!]);
    const rendered = site.renders.length;
    const fromRedis = await get(`${site.base}${a}`);
    expect(fromRedis.headers["content-encoding"]).toBe("br");
    expect(fromRedis.headers["x-nextjs-cache"]).toBe("HIT");
    expect(fromRedis.html).toBe(render(a!).value.html);
    expect(site.renders.length).toBe(rendered);
    expect(site.hot.stats.tierHits).toBe(1);

    await new Promise((r) => setTimeout(r, 5));
    applyRevalidation(`_N_T_${b}`, null, Date.now());
    const revalidated = await get(`${site.base}${b}`);
    expect(revalidated.headers["content-encoding"]).toBeUndefined();
    expect(revalidated.headers["x-nextjs-cache"]).toBe("MISS");
    expect(site.renders.length).toBe(rendered + 1);
  });

  it("falls through to Next when Redis is slow, down, or holds garbage: rendered, never an error", async () => {
    const [a, b, c, d] = ["a", "b", "c", "d"].map((n) => `/posts/redis-fault-${n}-${run}`);
    await seenThenEvicted(site, [a!, b!, c!, d!]);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const raw = createClient({ url: redis.url });
    await raw.connect();
    const hits = site.hot.stats.tierHits;

    // Garbage under the page's key: discarded, rendered.
    await raw.set(`broadsheet:page:${site.store.namespace}:${keyOf(a!)}`, "BSC1 but not an entry");
    const garbage = await get(`${site.base}${a}`);
    expect(garbage.status).toBe(200);
    expect(garbage.headers["x-nextjs-cache"]).toBe("MISS");
    expect(garbage.html).toBe(render(a!).value.html);

    // Slow: every client paused for longer than the tier waits (250 ms).
    await raw.sendCommand(["CLIENT", "PAUSE", "700", "ALL"]);
    const started = Date.now();
    const slow = await get(`${site.base}${b}`);
    expect(slow.status).toBe(200);
    expect(slow.html).toBe(render(b!).value.html);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(warn.mock.calls.flat().join(" ")).toMatch(/Redis tier/);
    await new Promise((r) => setTimeout(r, 800));
    await raw.close();

    // Down.
    await redis.stop();
    const down = await get(`${site.base}${c}`, { "accept-encoding": "gzip" });
    expect(down.status).toBe(200);
    expect(down.html).toBe(render(c!).value.html);
    expect(site.hot.stats.tierHits).toBe(hits);
    await redis.start();
  });
});
