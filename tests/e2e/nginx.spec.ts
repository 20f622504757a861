import sharp from "sharp";
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, demo, sql } from "./support";
import { EXTRA_PORTS, startInstance, type Instance } from "./instances";
import { findNginx, startNginx, type NginxProcess } from "../../scripts/nginx-process";
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from "../../lib/http/response-headers";

/**
 * deploy/nginx/broadsheet.conf in front of two instances, with Debian's nginx
 * (`.ci/run` installs it, like chromium). The template is rendered with this
 * test's ports into a temp dir and run as `nginx -c <file> -p <dir>` with
 * `daemon off;`, a child process this test stops.
 *
 * Both instances share the e2e server's UPLOAD_DIR: media storage is the local
 * directory today (an S3 backend is on its way on another branch), and on one
 * machine a shared directory is what several instances need; on several
 * machines that is a shared volume or object storage.
 */
test.describe.configure({ mode: "serial" });

test.skip(!findNginx(), "nginx is not installed (`apt-get install -y nginx`; .ci/run installs it)");

const nginxPort = EXTRA_PORTS.nginx;
const nginxBase = `http://127.0.0.1:${nginxPort}`;
const maxUploadMb = Number(process.env.MAX_UPLOAD_MB || 10);
let nginx: NginxProcess | null = null;
let instances: Instance[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  instances = await Promise.all(
    EXTRA_PORTS.nginxInstances.map((port) => startInstance({ port, siteUrl: nginxBase, env: { TRUSTED_PROXIES: "1", MAX_UPLOAD_MB: String(maxUploadMb) } })),
  );
  // scripts/nginx-process.ts: the template rendered into a temp dir, `nginx -c <file> -p <dir>`, `daemon off;`.
  nginx = await startNginx({ instances: instances.map((instance) => `127.0.0.1:${instance.port}`), port: nginxPort, maxUploadMb });
});

test.afterAll(async () => {
  await nginx?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
});

async function get(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, cache: response.headers.get("x-cache-status"), body: await response.text(), headers: response.headers };
}

test("[READER] public pages are micro-cached by nginx, build assets for long; private and per-request pages never", async () => {
  const first = await get(`${nginxBase}/`);
  expect(first.status).toBe(200);
  const second = await get(`${nginxBase}/`);
  expect(second.cache).toBe("HIT");
  // The app's own Cache-Control, from the cached copy.
  expect(second.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);

  const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(first.body)?.[0];
  expect(asset).toBeTruthy();
  await get(`${nginxBase}${asset}`);
  const cachedAsset = await get(`${nginxBase}${asset}`);
  expect(cachedAsset.status).toBe(200);
  expect(cachedAsset.cache).toBe("HIT");
  expect(cachedAsset.headers.get("cache-control")).toContain("immutable");

  // Private pages, search and previews are never cached.
  const [draft] = await sql<{ slug: string }>(`SELECT slug FROM "Post" WHERE status = 'DRAFT' LIMIT 1`);
  for (const path of ["/login", "/search?q=harbour", `/posts/${draft?.slug ?? "a-draft"}/preview`]) {
    expect((await get(`${nginxBase}${path}`)).cache, path).toBeNull();
    expect((await get(`${nginxBase}${path}`)).cache, path).toBeNull();
  }
});

test("[READER] signed in, gets nginx's cached copy of a public page marked private, and their personal parts still load; only anonymous answers are stored", async ({ page, browser }) => {
  await page.goto(`${nginxBase}/login?callbackUrl=%2Fdashboard%2Fposts`);
  await page.getByLabel("Email").fill(demo.author);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${nginxBase}/dashboard/posts`);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  expect(cookie).toContain("next-auth.session-token=");

  const [article] = await sql<{ slug: string }>(
    `SELECT p.slug FROM "Post" p JOIN "User" u ON u.id = p."authorId"
     WHERE u.email = $1 AND p.status = 'PUBLISHED' AND p."publishedAt" <= now() AND p."hiddenAt" IS NULL ORDER BY p."publishedAt" DESC LIMIT 1`,
    [demo.author],
  );
  // An address nginx has not cached yet (a query string of its own: the same page for the app).
  const url = `${nginxBase}/posts/${article!.slug}?nginx=${Date.now()}`;

  // A signed-in reader's miss is fetched for them, marked private, and not stored.
  const signedInMiss = await get(url, { cookie });
  expect(signedInMiss.status).toBe(200);
  expect(signedInMiss.cache).toBe("MISS");
  expect(signedInMiss.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
  const anonymous = await get(url);
  expect(anonymous.cache).toBe("MISS"); // nothing was stored for the signed-in reader
  expect(anonymous.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);

  // The anonymous copy is stored; signed-in readers get it, marked private.
  const signedInHit = await get(url, { cookie });
  expect(signedInHit.cache).toBe("HIT");
  expect(signedInHit.headers.get("cache-control")).toBe(PRIVATE_CACHE_CONTROL);
  expect(signedInHit.body).toBe(anonymous.body);
  // Anonymous readers still get the app's public Cache-Control from the same copy.
  const anonymousHit = await get(url);
  expect(anonymousHit.cache).toBe("HIT");
  expect(anonymousHit.headers.get("cache-control")).toBe(PUBLIC_CACHE_CONTROL);

  // In the browser: the article from nginx's cache, and the author's own parts (from /api/comments/viewer, never cached).
  // (An anonymous browser keeps the copy fresh: nginx keeps one per Accept-Encoding, the app's Vary.)
  const articleUrl = `${nginxBase}/posts/${article!.slug}`;
  const anonymousBrowser = await browser.newContext();
  const anonymousPage = await anonymousBrowser.newPage();
  let response = null;
  for (let attempt = 0; attempt < 5 && response?.headers()["x-cache-status"] !== "HIT"; attempt++) {
    await anonymousPage.goto(articleUrl);
    response = await page.goto(articleUrl);
  }
  await anonymousBrowser.close();
  expect(response!.status()).toBe(200);
  expect(response!.headers()["x-cache-status"]).toBe("HIT");
  expect(response!.headers()["cache-control"]).toBe(PRIVATE_CACHE_CONTROL);
  await expect(page.getByRole("link", { name: "Edit this article" })).toBeVisible();
  await expect(page.getByLabel("Your comment")).toBeVisible();
  const viewer = await page.request.get(`${nginxBase}/api/comments/viewer?postId=x`);
  expect(viewer.headers()["x-cache-status"]).toBeUndefined();
});

test("[AUTHOR] a post published through nginx shows on the home page through nginx and on both instances within about a second", async ({ page }) => {
  await page.goto(`${nginxBase}/login?callbackUrl=%2Fdashboard%2Fposts%2Fnew`);
  await page.getByLabel("Email").fill(demo.author);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // "New post" creates the draft and opens its editor.
  await expect(page).toHaveURL(new RegExp(`^${nginxBase}/dashboard/posts/[a-z0-9]+/edit$`));
  const title = `Through nginx ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill("Published behind the proxy.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });

  // The home page is in nginx's cache and in both instances' caches.
  for (const base of [nginxBase, ...instances.map((i) => i.base)]) await get(`${base}/`);
  expect((await get(`${nginxBase}/`)).cache).toBe("HIT");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const publishedAt = Date.now();
  const visibleAfter = async (base: string) => {
    for (;;) {
      if ((await get(`${base}/`)).body.includes(title)) return Date.now() - publishedAt;
      if (Date.now() - publishedAt > 5_000) return Infinity;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const [throughNginx, onB, onC] = await Promise.all([visibleAfter(nginxBase), ...instances.map((i) => visibleAfter(i.base))]);
  console.log(`publish visible: through nginx ${throughNginx} ms, instance B ${onB} ms, instance C ${onC} ms`);
  test.info().annotations.push({ type: "publish-visible-ms", description: `nginx ${throughNginx}, B ${onB}, C ${onC}` });
  // Seen everywhere without a restart or a manual purge. How fast is logged, not asserted (a timed
  // assertion fails on a loaded CI machine): typically within a second on the instances, and
  // within nginx's 1 s micro-cache plus one render through it (README, "Running in production").
  expect(onB).toBeLessThan(Infinity);
  expect(onC).toBeLessThan(Infinity);
  expect(throughNginx).toBeLessThan(Infinity);
  expect((await sql<{ status: string }>(`SELECT status FROM "Post" WHERE title = $1`, [title]))[0]!.status).toBe("PUBLISHED");
});

test("[AUTHOR] an image uploaded through one instance is served by the other and through nginx; an oversized body is refused by nginx", async ({ page }) => {
  await page.goto(`${nginxBase}/login?callbackUrl=%2Fdashboard%2Fposts`);
  await page.getByLabel("Email").fill(demo.author);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${nginxBase}/dashboard/posts`);

  const [b, c] = instances;
  const buffer = await sharp({ create: { width: 640, height: 360, channels: 3, background: { r: 40, g: 90, b: 160 } } }).jpeg().toBuffer();
  const upload = await page.request.post(`${b!.base}/api/uploads`, {
    headers: { origin: nginxBase },
    multipart: { file: { name: "through-b.jpg", mimeType: "image/jpeg", buffer }, altText: "Uploaded through B", caption: "", credit: "" },
  });
  expect(upload.status()).toBe(201);
  const { image } = (await upload.json()) as { image: { url: string } };
  expect(image.url).toMatch(/^\/media\//);

  const onC = await fetch(`${c!.base}${image.url}`);
  expect(onC.status).toBe(200);
  expect(onC.headers.get("content-type")).toMatch(/^image\//);
  const viaNginx = await get(`${nginxBase}${image.url}`);
  expect(viaNginx.status).toBe(200);
  expect((await get(`${nginxBase}${image.url}`)).cache).toBe("HIT");

  // More than MAX_UPLOAD_MB (+1 MB of form fields): nginx answers 413 before any instance reads it.
  const tooLarge = await fetch(`${nginxBase}/api/uploads`, {
    method: "POST",
    headers: { origin: nginxBase, "content-type": "application/octet-stream" },
    body: new Uint8Array((maxUploadMb + 2) * 1024 * 1024),
  });
  expect(tooLarge.status).toBe(413);
});
