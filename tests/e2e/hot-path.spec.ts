import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { sql } from "./support";
import { EXTRA_PORTS, startInstance, type Instance } from "./instances";
import { startRedis, type TestRedis } from "../support/redis-server";

/**
 * The hot path (lib/cache/hot-path.cjs, run by scripts/serve.cjs for npm start
 * and this suite): cache hits answered ahead of Next.js with Next's own
 * headers, the same invalidation, and with a shared Redis tier one render per
 * page for the whole fleet. Next.js itself never sends brotli, so a `br`
 * answer proves the hot path served it.
 */
const base = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100)}`;

type Raw = { status: number; headers: [string, string][]; body: Buffer; get(name: string): string | undefined };

function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers: { "accept-encoding": "identity", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const pairs: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks), get: (name) => pairs.find(([n]) => n.toLowerCase() === name)?.[1] });
      });
    });
    request.on("error", reject);
    request.end();
  });
}

/** Headers that describe the page (everything but the clock, the connection and this response's cache state). */
const pageHeaders = (raw: Raw) => raw.headers.filter(([name]) => !["date", "x-nextjs-cache", "connection", "keep-alive"].includes(name.toLowerCase()));
const decoded = (raw: Raw) => (raw.get("content-encoding") === "br" ? zlib.brotliDecompressSync(raw.body) : raw.get("content-encoding") === "gzip" ? zlib.gunzipSync(raw.body) : raw.body);
const h1Of = (html: string) => /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "";

async function publishedPost(offset: number) {
  const [post] = await sql<{ id: string; slug: string; title: string }>(
    `SELECT id, slug, title FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() AND "hiddenAt" IS NULL ORDER BY "publishedAt" ASC OFFSET $1 LIMIT 1`,
    [offset],
  );
  return post!;
}

/** What every instance hears when a change expires these tags (lib/cache/revalidate.ts broadcastRevalidation). */
async function revalidate(tags: string[]) {
  await sql(
    `WITH stamp AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms),
     upsert AS (INSERT INTO "CacheTagRevalidation" (tag, "revalidatedAtMs", "expireSeconds") SELECT t, stamp.ms, NULL FROM unnest($1::text[]) AS t, stamp
       ON CONFLICT (tag) DO UPDATE SET "revalidatedAtMs" = EXCLUDED."revalidatedAtMs", "expireSeconds" = NULL)
     SELECT pg_notify('broadsheet_cache_tags', json_build_object('tags', $1::text[], 'expire', NULL, 'origin', 'e2e', 'at', stamp.ms)::text) FROM stamp`,
    [tags],
  );
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 1000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  return value;
}

/**
 * Runs `check`, and again (a few times) when it fails while some page tag was
 * revalidated meanwhile: other specs run beside this one, and an import or a
 * settings change expires every cached page, so a page this spec expected to be
 * cached may rightly be rendered again. A failure in a window where nothing
 * else expired pages fails the test.
 */
async function withoutOtherRevalidations(check: () => Promise<void>, { ownTags = [] as string[], attempts = 4 } = {}): Promise<void> {
  // `ownTags`: what the check itself revalidates (it must then start each attempt from a state it sets up).
  const lastRevalidation = async () =>
    (
      await sql<{ ms: string }>(
        `SELECT coalesce(max("revalidatedAtMs"), 0)::text AS ms FROM "CacheTagRevalidation" WHERE tag <> 'scheduled-publications:applied-until' AND tag <> ALL($1::text[])`,
        [ownTags],
      )
    )[0]!.ms;
  for (let attempt = 1; ; attempt++) {
    const before = await lastRevalidation();
    try {
      return await check();
    } catch (error) {
      if (attempt >= attempts || (await lastRevalidation()) === before) throw error;
      console.log(`hot-path: pages were revalidated by another spec during attempt ${attempt}; trying again`);
    }
  }
}

test("[READER] a cached article answered ahead of Next carries exactly Next's headers and body; br/gzip are the stored bytes; 304, HEAD, RSC, and signed-in visitors get the same page marked private", async () => {
  await withoutOtherRevalidations(async () => {
    const post = await publishedPost(2);
    const url = `${base}/posts/${post.slug}`;
    const byNext = await get(url); // not yet known to the hot path: Next answers (and renders if needed)
    expect(byNext.status).toBe(200);
    expect(byNext.get("x-nextjs-cache")).toMatch(/^(MISS|HIT)$/);

    const hot = await get(url);
    expect(hot.status).toBe(200);
    expect(hot.get("x-nextjs-cache")).toBe("HIT");
    expect(pageHeaders(hot)).toEqual(pageHeaders(byNext));
    expect(hot.body.equals(byNext.body)).toBe(true);

    const br = await get(url, { "accept-encoding": "gzip, deflate, br" });
    expect(br.get("content-encoding")).toBe("br");
    expect(br.get("vary")).toBe(byNext.get("vary"));
    expect(decoded(br).equals(byNext.body)).toBe(true);
    expect(Number(br.get("content-length"))).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(byNext.body.length / 3);
    const gzip = await get(url, { "accept-encoding": "gzip" });
    expect(gzip.get("content-encoding")).toBe("gzip");
    expect(decoded(gzip).equals(byNext.body)).toBe(true);

    const notModified = await get(url, { "if-none-match": byNext.get("etag")! });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.get("cache-control")).toBe(byNext.get("cache-control"));

    const head = await get(url, {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(pageHeaders(head)).toEqual(pageHeaders(byNext));

    // A client-side navigation asks for the RSC payload: Next answers it (Next 16 first
    // redirects a request without its `_rsc` cache-busting parameter), never the HTML copy.
    const rsc = await get(url, { rsc: "1", "accept-encoding": "br" });
    expect(rsc.get("content-encoding")).not.toBe("br");
    expect(rsc.get("content-type") ?? "").not.toMatch(/text\/html/);
    const payload = rsc.status === 307 ? await get(new URL(rsc.get("location")!, url).toString(), { rsc: "1" }) : rsc;
    expect(payload.status).toBe(200);
    expect(payload.get("content-type")).toMatch(/text\/x-component/);

    // A signed-in visitor gets the same cached page (their personal parts come from a private
    // request after load), marked private so no shared cache keeps it.
    const signedIn = await get(url, { cookie: "next-auth.session-token=not-a-session", "accept-encoding": "br" });
    expect(signedIn.status).toBe(200);
    expect(signedIn.get("cache-control")).toMatch(/private/);
    expect(signedIn.get("cache-control")).toMatch(/no-store/);
    expect(decoded(signedIn).equals(byNext.body)).toBe(true);
    const perEncoding = ["cache-control", "content-encoding", "content-length"];
    const comparable = (raw: Raw) => pageHeaders(raw).filter(([name]) => !perEncoding.includes(name.toLowerCase()));
    expect(comparable(signedIn)).toEqual(comparable(byNext));
  });
});

test("[READER] the hot path honours invalidation of any tag a page carries, at once", async () => {
  const post = await publishedPost(3);
  const url = `${base}/posts/${post.slug}`;
  const pageTag = `_N_T_/posts/${post.slug}`;
  try {
    await withoutOtherRevalidations(
      async () => {
        const newTitle = `${post.title} (hot path ${Date.now()})`;
        // From a known state: the live title, the page expired (a later attempt starts here too).
        await sql(`UPDATE "Post" SET title = $1 WHERE id = $2`, [post.title, post.id]);
        await revalidate([pageTag]);
        await until(() => get(url), (r) => r.get("x-nextjs-cache") === "MISS");
        expect((await get(url, { "accept-encoding": "br" })).get("content-encoding")).toBe("br");
        await sql(`UPDATE "Post" SET title = $1 WHERE id = $2`, [newTitle, post.id]);
        // Cached: the database change alone is not seen.
        expect(h1Of(decoded(await get(url, { "accept-encoding": "br" })).toString())).not.toContain("hot path");

        // The page's own tag (Next's implicit path tag), not the site-wide one.
        await revalidate([pageTag]);
        const after = await until(() => get(url, { "accept-encoding": "br" }), (r) => decoded(r).toString().includes(newTitle));
        expect(decoded(after).toString()).toContain(newTitle);
        // Served by the hot path again once re-rendered.
        const again = await until(() => get(url, { "accept-encoding": "br" }), (r) => r.get("content-encoding") === "br");
        expect(again.get("content-encoding")).toBe("br");
        expect(decoded(again).toString()).toContain(newTitle);
      },
      { ownTags: [pageTag] },
    );
  } finally {
    await sql(`UPDATE "Post" SET title = $1 WHERE id = $2`, [post.title, post.id]);
    await revalidate([pageTag]);
  }
});

test.describe("an instance whose memory tier holds about one article", () => {
  let instance: Instance;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    // 60 kB: one or two pages in their compact form (br + gzip + compressed RSC); the rest on disk.
    instance = await startInstance({ port: EXTRA_PORTS.hotPathSmallMemoryInstance, env: { PAGE_CACHE_MEMORY_MB: "0.06" } });
  });
  test.afterAll(async () => {
    await instance?.stop();
  });

  test("[READER] a page evicted from memory is served by the hot path from disk (no render); not once its tag is revalidated", async () => {
    const posts = await sql<{ slug: string }>(
      `SELECT slug FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() AND "hiddenAt" IS NULL ORDER BY "publishedAt" ASC OFFSET 6 LIMIT 7`,
    );
    test.skip(posts.length < 7, "the demo seed has too few articles");
    const [first, ...others] = posts.map((post) => `${instance.base}/posts/${post.slug}`);
    await withoutOtherRevalidations(async () => {
      const byNext = await get(first!);
      expect(byNext.status).toBe(200);
      // Six other articles read since: the first one has left memory (it is on disk).
      for (const url of others) expect((await get(url)).status).toBe(200);

      const fromDisk = await get(first!, { "accept-encoding": "br" });
      expect(fromDisk.status).toBe(200);
      expect(fromDisk.get("content-encoding")).toBe("br"); // Next never sends br: the hot path answered
      expect(fromDisk.get("x-nextjs-cache")).toBe("HIT");
      expect(decoded(fromDisk).equals(byNext.body)).toBe(true);
      const identity = await get(first!);
      expect(identity.get("x-nextjs-cache")).toBe("HIT");
      expect(identity.body.equals(byNext.body)).toBe(true);
    });

    // Its tag revalidated: not served from memory or disk; Next renders it again.
    const path = new URL(first!).pathname;
    await revalidate([`_N_T_${path}`]);
    const after = await until(() => get(first!, { "accept-encoding": "br" }), (r) => r.get("x-nextjs-cache") === "MISS");
    expect(after.get("x-nextjs-cache")).toBe("MISS");
    expect(after.get("content-encoding")).not.toBe("br");
  });
});

test.describe("two instances sharing a real Redis", () => {
  let redis: TestRedis;
  const instances: Instance[] = [];

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    redis = await startRedis();
    for (const port of EXTRA_PORTS.hotPathRedisInstances) instances.push(await startInstance({ port, env: { REDIS_URL: redis.url } }));
  });
  test.afterAll(async () => {
    for (const instance of instances) await instance.stop();
    await redis?.stop();
  });

  test("[READER] each page renders once for the fleet; a Redis outage never reaches readers", async () => {
    const [c, d] = instances;
    const post = await publishedPost(4);
    const pageTag = `_N_T_/posts/${post.slug}`;
    const onC = () => get(`${c!.base}/posts/${post.slug}`);
    const onD = () => get(`${d!.base}/posts/${post.slug}`);
    await withoutOtherRevalidations(
      async () => {
        // From a known state, the page expired everywhere (an attempt after one disturbed by another spec starts here too).
        await revalidate([pageTag]);
        const first = await until(onC, (r) => r.get("x-nextjs-cache") === "MISS");
        expect(first.status).toBe(200);
        expect(first.get("x-nextjs-cache")).toBe("MISS"); // rendered on C, stored in Redis
        await new Promise((r) => setTimeout(r, 200)); // the Redis write is in the background
        const fromD = await onD();
        expect(fromD.get("x-nextjs-cache")).toBe("HIT"); // D never rendered it
        expect(fromD.body.equals(first.body)).toBe(true);

        // Expired everywhere; re-rendered once (on D), then C takes D's copy.
        await revalidate([pageTag]);
        const rerendered = await until(onD, (r) => r.get("x-nextjs-cache") === "MISS");
        expect(rerendered.get("x-nextjs-cache")).toBe("MISS");
        await new Promise((r) => setTimeout(r, 200));
        expect((await onC()).get("x-nextjs-cache")).toBe("HIT");
      },
      { ownTags: [pageTag] },
    );

    // Redis goes away: pages are still rendered and served, never an error.
    await redis.stop();
    const other = await publishedPost(5);
    for (const instance of instances) {
      const page = await get(`${instance.base}/posts/${other.slug}`);
      expect(page.status).toBe(200);
      expect(h1Of(page.body.toString())).not.toBe("");
    }
    expect(c!.output()).toMatch(/Redis tier/);
    await redis.start();
  });
});
