import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { demo, e2eEnv, signIn, sql } from "./support";
import { EXTRA_PORTS } from "./instances";

/**
 * Two app instances (scripts/serve.cjs, as npm start runs) on one database (instance A is the e2e server,
 * B is started here with the same build and database, but reaches PostgreSQL
 * through a counting TCP relay). Proves: a cached page is served by B without
 * sending a single byte to PostgreSQL, and a change revalidated through A is
 * visible on B within a second.
 */
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = EXTRA_PORTS.cacheInstanceB;
const baseA = `http://127.0.0.1:${portA}`;
const baseB = `http://127.0.0.1:${portB}`;

let instanceB: ChildProcess | null = null;
let relay: net.Server | null = null;
let bytesFromB = 0;

async function startRelay(target: URL): Promise<number> {
  relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    client.on("data", (chunk) => {
      bytesFromB += chunk.length;
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  await new Promise<void>((resolve) => relay!.listen(0, "127.0.0.1", resolve));
  return (relay.address() as net.AddressInfo).port;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const { DATABASE_URL, UPLOAD_DIR, NEXT_DIST_DIR } = e2eEnv();
  const dbUrl = new URL(DATABASE_URL);
  const relayPort = await startRelay(dbUrl);
  const viaRelay = new URL(DATABASE_URL);
  viaRelay.hostname = "127.0.0.1";
  viaRelay.port = String(relayPort);
  // The server npm start runs (Next.js behind the page cache's hot path), with its own empty page cache.
  const pageCacheDir = path.resolve(".data", `e2e-instance-${portB}`, "page-cache");
  fs.rmSync(pageCacheDir, { recursive: true, force: true });
  instanceB = spawn(process.execPath, ["scripts/serve.cjs", "-p", String(portB), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: viaRelay.toString(),
      UPLOAD_DIR,
      PAGE_CACHE_DIR: pageCacheDir,
      // The same production build as instance A.
      NEXT_DIST_DIR,
      AUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
      NEXTAUTH_SECRET: "e2e-only-secret-0123456789abcdefghijklmnop",
      NEXTAUTH_URL: baseA,
      SITE_URL: baseA,
      PORT: String(portB),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  instanceB.stderr?.on("data", (chunk) => (errors += String(chunk)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const ok = await fetch(`${baseB}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance B did not start: ${errors.slice(-2000)}`);
});

test.afterAll(async () => {
  if (instanceB && instanceB.exitCode === null) {
    instanceB.kill("SIGTERM");
    await new Promise((r) => instanceB!.once("exit", r));
  }
  relay?.close();
});

async function titleOn(base: string, slug: string): Promise<{ h1: string; cache: string | null }> {
  const response = await fetch(`${base}/posts/${slug}`);
  const html = await response.text();
  const h1 = (/<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? "").replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return { h1, cache: response.headers.get("x-nextjs-cache") };
}

test("[READER] a change revalidated on instance A is served by instance B within a second; cached pages cost B no database traffic", async ({ page }) => {
  const [post] = await sql<{ id: string; slug: string; title: string }>(
    `SELECT id, slug, title FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() AND "hiddenAt" IS NULL ORDER BY "publishedAt" DESC OFFSET 6 LIMIT 1`,
  );
  const newTitle = `${post!.title} (corrected ${Date.now()})`;
  try {
    // Warm both instances.
    for (const base of [baseA, baseB]) for (let i = 0; i < 2; i++) expect((await titleOn(base, post!.slug)).h1).toBe(post!.title);

    // Cached: B answers from memory and sends nothing to PostgreSQL.
    bytesFromB = 0;
    for (let i = 0; i < 5; i++) {
      const seen = await titleOn(baseB, post!.slug);
      expect(seen.h1).toBe(post!.title);
      expect(seen.cache).toBe("HIT");
    }
    expect(bytesFromB).toBe(0);

    // A change in the database alone is not seen (proof the page is cached)...
    await sql(`UPDATE "Post" SET title = $1 WHERE id = $2`, [newTitle, post!.id]);
    expect((await titleOn(baseB, post!.slug)).h1).toBe(post!.title);
    expect(bytesFromB).toBe(0);

    // ...until it is revalidated through instance A (an editor's "refresh public pages").
    await signIn(page, demo.editor);
    const response = await page.request.post(`${baseA}/api/cache/revalidate`, { headers: { origin: baseA } });
    expect(response.status()).toBe(200);

    const start = Date.now();
    let seenOnB = "";
    while (Date.now() - start < 1000) {
      seenOnB = (await titleOn(baseB, post!.slug)).h1;
      if (seenOnB === newTitle) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(seenOnB).toBe(newTitle);
    expect(bytesFromB).toBeGreaterThan(0); // B re-rendered from the database
    expect((await titleOn(baseA, post!.slug)).h1).toBe(newTitle);
  } finally {
    await sql(`UPDATE "Post" SET title = $1 WHERE id = $2`, [post!.title, post!.id]);
    await page.request.post(`${baseA}/api/cache/revalidate`, { headers: { origin: baseA } }).catch(() => undefined);
  }
});

test("[AUTHOR] an edit published through instance A's editor is served by instance B within a second; unrelated pages stay cached", async ({ page }) => {
  const [post] = await sql<{ id: string; slug: string; title: string }>(
    `SELECT p.id, p.slug, p.title FROM "Post" p JOIN "User" u ON u.id = p."authorId"
     WHERE u.email = $1 AND p.status = 'PUBLISHED' AND p."publishedAt" <= now() AND p."hiddenAt" IS NULL
     ORDER BY p."publishedAt" DESC OFFSET 1 LIMIT 1`,
    [demo.author],
  );
  const newTitle = `${post!.title} — updated ${Date.now()}`;
  // An article by someone else, in another section, whose page does not show this post anywhere.
  const others = await sql<{ slug: string; title: string }>(
    `SELECT p.slug, p.title FROM "Post" p JOIN "User" u ON u.id = p."authorId"
     WHERE u.email <> $1 AND p.status = 'PUBLISHED' AND p."publishedAt" <= now() AND p."hiddenAt" IS NULL
       AND p."categoryId" IS DISTINCT FROM (SELECT "categoryId" FROM "Post" WHERE id = $2)
     ORDER BY p."publishedAt" ASC`,
    [demo.author, post!.id],
  );
  let unrelated: { slug: string; title: string } | undefined;
  for (const candidate of others) {
    const html = await (await fetch(`${baseB}/posts/${candidate.slug}`)).text();
    if (!html.includes(`/posts/${post!.slug}"`)) {
      unrelated = candidate;
      break;
    }
  }
  expect(unrelated, "an article that does not link to the edited one").toBeTruthy();
  // B has both pages cached.
  for (let i = 0; i < 2; i++) expect((await titleOn(baseB, post!.slug)).h1).toBe(post!.title);
  expect((await titleOn(baseB, post!.slug)).cache).toBe("HIT");
  expect((await titleOn(baseB, unrelated!.slug)).cache).toBe("HIT");

  await signIn(page, demo.author);
  await page.goto(`/dashboard/posts/${post!.id}/edit`);
  await page.getByLabel("Title").fill(newTitle);
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Updated. Readers see the change now.")).toBeVisible();

  const start = Date.now();
  let seenOnB = "";
  while (Date.now() - start < 1000) {
    seenOnB = (await titleOn(baseB, post!.slug)).h1;
    if (seenOnB === newTitle) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(seenOnB).toBe(newTitle);
  // Precise invalidation: the unrelated article was not expired by this edit, on either instance.
  expect(await titleOn(baseB, unrelated!.slug)).toEqual({ h1: unrelated!.title, cache: "HIT" });
  expect(await titleOn(baseA, unrelated!.slug)).toMatchObject({ h1: unrelated!.title });
});

test("[AUTHOR] a publish on instance A: the article, the home page and its section on B show it within a second; an unrelated article stays cached", async ({ page }) => {
  const [section] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM "Category" ORDER BY name LIMIT 1`);
  const [unrelated] = await sql<{ slug: string; title: string }>(
    `SELECT slug, title FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() AND "hiddenAt" IS NULL ORDER BY "publishedAt" ASC LIMIT 1`,
  );
  const title = `Harbour ferry timetable ${Date.now()}`;
  await signIn(page, demo.author);
  const created = await page.request.post(`${baseA}/api/posts`, { headers: { origin: baseA }, data: { title, body: "The winter timetable starts on Monday.", categoryId: section!.id } });
  expect(created.status()).toBe(201);
  const { post } = (await created.json()) as { post: { id: string; slug: string } };

  // B has the home page, the section, the unrelated article and the (missing) new address cached.
  const onB = async (path: string) => {
    const response = await fetch(`${baseB}${path}`);
    return { status: response.status, cache: response.headers.get("x-nextjs-cache"), html: await response.text() };
  };
  for (let i = 0; i < 2; i++) for (const path of ["/", `/category/${section!.slug}`, `/posts/${unrelated!.slug}`, `/posts/${post.slug}`]) await onB(path);
  expect((await onB(`/posts/${unrelated!.slug}`)).cache).toBe("HIT");
  expect((await onB("/")).html).not.toContain(title);
  // The section's article count (kept in the cache under the section's list tag) goes up with the publish too.
  const articleCount = (html: string) => Number(/(\d+) articles?</.exec(html)?.[1] ?? NaN);
  const countBefore = articleCount((await onB(`/category/${section!.slug}`)).html);
  expect(countBefore).toBeGreaterThan(0);

  await page.goto(`/dashboard/posts/${post.id}/edit`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.")).toBeVisible();

  const start = Date.now();
  let seen = { article: 0, home: false, section: false };
  while (Date.now() - start < 1000) {
    seen = {
      article: (await onB(`/posts/${post.slug}`)).status,
      home: (await onB("/")).html.includes(title),
      section: (await onB(`/category/${section!.slug}`)).html.includes(title),
    };
    if (seen.article === 200 && seen.home && seen.section) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(seen).toEqual({ article: 200, home: true, section: true });
  expect(articleCount((await onB(`/category/${section!.slug}`)).html)).toBe(countBefore + 1);
  const unrelatedNow = await onB(`/posts/${unrelated!.slug}`);
  expect(unrelatedNow.cache).toBe("HIT");
});

test("[READER] only editors may refresh every public page", async ({ page, request }) => {
  expect((await request.post(`${baseA}/api/cache/revalidate`, { headers: { origin: baseA } })).status()).toBe(401);
  await signIn(page, demo.author);
  expect((await page.request.post(`${baseA}/api/cache/revalidate`, { headers: { origin: baseA } })).status()).toBe(403);
  expect((await page.request.post(`${baseA}/api/cache/revalidate`, { headers: { origin: "https://evil.example" } })).status()).toBe(403);
});
