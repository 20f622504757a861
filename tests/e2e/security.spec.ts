import http from "node:http";
import sharp from "sharp";
import { test, expect, type Page } from "@playwright/test";
import { demo, signIn, sql } from "./support";

/** Findings of the outside security probe (issue 9) that only a real server and browser show. */

const PUBLIC_CACHE = "public, max-age=0, s-maxage=5, stale-while-revalidate=30";

async function newestArticle(): Promise<{ slug: string; categorySlug: string }> {
  const [row] = await sql<{ slug: string; categorySlug: string }>(
    `SELECT p.slug, c.slug AS "categorySlug" FROM "Post" p JOIN "Category" c ON c.id = p."categoryId"
     WHERE p.status = 'PUBLISHED' AND p."publishedAt" <= now() AND p."hiddenAt" IS NULL ORDER BY p."publishedAt" DESC LIMIT 1`,
  );
  return row!;
}

test("[ANONYMOUS] public pages and their 404s are cached by proxies for seconds, not a year", async ({ request }) => {
  const article = await newestArticle();
  for (const path of ["/", `/posts/${article.slug}`, `/category/${article.categorySlug}`, "/feed.xml", "/sitemap.xml", "/posts/does-not-exist", "/category/no-such-section"]) {
    const response = await request.get(path);
    expect(response.headers()["cache-control"], path).toBe(PUBLIC_CACHE);
  }
  // An address no route matches: Next.js keeps it out of every cache.
  expect((await request.get("/no-such-page")).headers()["cache-control"]).toMatch(/no-store/);
});

test("[AUTHOR] signed-in responses are never stored by anyone", async ({ page }) => {
  await signIn(page, demo.author);
  const article = await newestArticle();
  for (const path of ["/", `/posts/${article.slug}`, "/dashboard/posts"]) {
    const response = await page.request.get(path);
    expect(response.headers()["cache-control"], path).toMatch(/^private, no-cache, no-store/);
  }
});

test("[ANONYMOUS] every page sends a Content-Security-Policy, and the article page runs under it", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) violations.push(message.text());
  });
  const article = await newestArticle();
  const response = await page.goto(`/posts/${article.slug}`);
  const csp = response!.headers()["content-security-policy"]!;
  for (const directive of ["object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'self'"]) expect(csp).toContain(directive);
  expect(csp).toMatch(/script-src 'self'/);
  // "Copy link" is rendered only once React has hydrated: the scripts ran under the policy.
  await expect(page.getByRole("button", { name: /copy link/i })).toBeVisible();
  expect(violations).toEqual([]);
});

test("[ANONYMOUS] bad input in addresses is a 400 or 404 page, never a 500", async ({ request }) => {
  const paths = [
    "/posts/a%00b",
    "/category/a%00b",
    "/tag/a%00b",
    "/authors/a%00b",
    "/category/a%00b/feed.xml",
    "/posts/%ff",
    "/category/%ff",
    "/authors/%ff",
    "/page/%ff",
    "/reset-password/%ff",
    "/reset-password/a%00b",
    "/media/%ff.jpg",
    "/media/a%00b.jpg",
    "/search?q=a%00b",
    "/search?q=%ff",
    "/?page=%00",
  ];
  for (const path of paths) {
    const response = await request.get(path);
    expect([200, 400, 404], `${path} → ${response.status()}`).toContain(response.status());
    if (response.status() !== 200 && !path.startsWith("/media/") && !path.endsWith(".xml")) {
      expect(await response.text(), path).toMatch(/Error 40[04]/);
    }
  }
});

test("[ADMIN] bad filters on admin pages are ignored, not a 500", async ({ page }) => {
  await signIn(page, demo.admin, undefined, "/admin/audit");
  for (const path of ["/admin/audit?from=2026-13-45&to=2026-02-30", "/admin/users?q=a%00b", "/admin/posts?q=a%00b", "/admin/comments?post=a%00b&user=%00", "/admin/audit?actor=a%00b", "/dashboard/posts?q=a%00b"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  // A callback URL with a newline or non-Latin-1 text, for a signed-in visitor: a redirect to a safe path.
  for (const callback of ["/%0a/evil.example", "/search?q=%E2%82%AC", "/%09/evil.example"]) {
    const response = await page.request.get(`/login?callbackUrl=${callback}`, { maxRedirects: 0 });
    expect(response.status(), callback).toBeGreaterThanOrEqual(300);
    expect(response.status(), callback).toBeLessThan(400);
    const location = new URL(response.headers()["location"]!, "http://127.0.0.1");
    expect(location.host === "127.0.0.1" || location.hostname === new URL(page.url()).hostname, callback).toBe(true);
  }
});

test("[AUTHOR] text with a NUL character is refused with a message (422), not a 500", async ({ page }) => {
  await signIn(page, demo.author);
  const origin = new URL(page.url()).origin;
  const response = await page.request.post("/api/posts", { data: { title: "A\u0000title", body: "x", tagNames: ["ok", "b\u0000d"] }, headers: { origin } });
  expect(response.status()).toBe(422);
  expect((await response.json()).fieldErrors).toHaveProperty("title");
});

test("[AUTHOR] Origin: null is a 403 and a truncated JPEG upload a 422, never a 500", async ({ page }) => {
  await signIn(page, demo.author);
  const origin = new URL(page.url()).origin;
  const opaque = await page.request.post("/api/posts", { data: { title: "From nowhere" }, headers: { origin: "null" } });
  expect(opaque.status()).toBe(403);
  // A valid JPEG header over cut-off image data.
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#884422" } }).jpeg().toBuffer();
  const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
  const upload = await page.request.post("/api/uploads", {
    headers: { origin },
    multipart: { file: { name: "cut.jpg", mimeType: "image/jpeg", buffer: truncated }, altText: "cut" },
  });
  expect(upload.status()).toBe(422);
});

test("[ANONYMOUS] after sign-in, a callback with a tab after the slash stays on this site (no open redirect)", async ({ page }) => {
  for (const callback of ["/%09/evil.example", "/%09%5Cevil.example"]) {
    await page.context().clearCookies();
    await page.goto(`/login?callbackUrl=${callback}`);
    await page.getByLabel("Email").fill(demo.author);
    await page.getByLabel("Password").fill("broadsheet-demo-pass");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => url.pathname !== "/login");
    expect(new URL(page.url()).hostname).toBe("127.0.0.1");
  }
});

async function expectHydrated(page: Page, errors: string[]) {
  // The editor's buttons are enabled only once React has hydrated.
  await expect(page.getByRole("button", { name: "Save draft" })).toBeEnabled();
  expect(errors).toEqual([]);
}

test("[AUTHOR] a heading named like a Next.js global cannot stop the page hydrating", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await signIn(page, demo.author);
  const origin = new URL(page.url()).origin;
  const created = await page.request.post("/api/posts", {
    data: { title: `Clobber test ${Date.now()}`, body: "## __next_f\n\nText.\n\n## __next_s\n\n## document\n" },
    headers: { origin },
  });
  expect(created.status()).toBe(201);
  const { post } = (await created.json()) as { post: { id: string; slug: string } };
  await page.goto(`/dashboard/posts/${post.id}/preview`);
  await expect(page.locator("#h-__next_f")).toHaveText("__next_f");
  await page.goto(`/dashboard/posts/${post.id}/edit`);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.locator("#panel-preview .article-body h2").first()).toHaveText("__next_f");
  await expectHydrated(page, errors);
});

test("[AUTHOR] a 30 MB chunked upload is refused before it is all read", async ({ page, baseURL }) => {
  await signIn(page, demo.author);
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const url = new URL("/api/uploads", baseURL);
  const chunk = Buffer.alloc(256 * 1024, 0x61);
  const total = 30 * 1024 * 1024;
  const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
    let sent = 0;
    const request = http.request(
      url,
      { method: "POST", headers: { cookie, origin: url.origin, "content-type": "multipart/form-data; boundary=xyz", "transfer-encoding": "chunked" } },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, sent });
        request.destroy();
      },
    );
    request.on("error", (error) => (sent < total ? undefined : reject(error)));
    const pump = () => {
      while (sent < total) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      request.end();
    };
    pump();
  });
  expect(result.status).toBe(422);
  expect(result.sent).toBeLessThan(total);
});
