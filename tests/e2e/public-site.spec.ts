import crypto from "node:crypto";
import { type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { HtmlValidate, StaticConfigLoader } from "html-validate";
import { demo, signIn, sql } from "./support";
import { createE2EUsers, expect, test } from "./fixtures";

type Row = { slug: string; title: string; displayName: string; username: string; category: string; categorySlug: string };

async function newestArticle(): Promise<Row> {
  const [row] = await sql<Row>(
    `SELECT p.slug, p.title, u."displayName", u.username, c.name AS category, c.slug AS "categorySlug"
     FROM "Post" p JOIN "User" u ON u.id = p."authorId" JOIN "Category" c ON c.id = p."categoryId"
     WHERE p.status = 'PUBLISHED' AND p."publishedAt" <= now() AND p."hiddenAt" IS NULL ORDER BY p."publishedAt" DESC LIMIT 1 OFFSET 1`,
  );
  return row!;
}

test("[READER] home → article → author page → section page", async ({ page }) => {
  const article = await newestArticle();
  await page.goto("/");
  await page.getByRole("link", { name: article.title, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/posts/${article.slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
  await expect(page.locator(".byline")).toContainText(`By ${article.displayName}`);
  await expect(page.locator(".byline time").first()).toHaveAttribute("datetime", /\d{4}-\d{2}-\d{2}T/);
  await expect(page.locator(".article-cover figcaption")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Share this article" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Share on LinkedIn/ })).toHaveAttribute("href", /linkedin\.com/);
  await page.locator(".byline").getByRole("link", { name: article.displayName }).click();
  await expect(page).toHaveURL(new RegExp(`/authors/${article.username}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.displayName);
  await page.getByRole("link", { name: article.category, exact: true }).first().click();
  await expect(page).toHaveURL(new RegExp(`/category/${article.categorySlug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.category);
});

test("[READER] home pages through older articles with page links", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/\/\?page=2$/);
  await expect(page.locator(".card-grid > li").first()).toBeVisible();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/\?page=2$/);
});

test("[READER] searches from the header, sees highlighted results and the no-result state", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search articles" }).fill("TRAM, extension!");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Search results");
  await expect(page.locator(".search-results > li").first()).toBeVisible();
  await expect(page.locator(".search-results mark").first()).toBeVisible();
  await page.goto("/search?q=xylophonequartz");
  await expect(page.getByText(/No articles match/)).toBeVisible();
  await page.goto("/search");
  await expect(page.getByText(/Type a word or phrase/)).toBeVisible();
});

test("[READER] gets a real 404 with a way back", async ({ page }) => {
  const response = await page.goto("/posts/this-article-does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
  await page.getByRole("link", { name: "Go to the front page" }).click();
  await expect(page).toHaveURL(/\/$/);
  const unknown = await page.goto("/no/such/page");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We couldn’t find that page");
});

test("[READER] an old slug redirects permanently to the current one", async ({ request }) => {
  const article = await newestArticle();
  const old = `old-${Date.now()}`;
  await sql(`INSERT INTO "SlugRedirect" (id, "fromSlug", "postId", "createdAt") SELECT 'r' || md5(random()::text), $1, id, now() FROM "Post" WHERE slug = $2`, [old, article.slug]);
  const response = await request.get(`/posts/${old}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toMatch(new RegExp(`/posts/${article.slug}$`));
});

test("[AUTHOR] previews a draft at its preview address, marked as such; [READER] gets 404 for it", async ({ page, browser, userPage }) => {
  const [draft] = await sql<{ slug: string; title: string }>(
    `SELECT p.slug, p.title FROM "Post" p JOIN "User" u ON u.id = p."authorId" WHERE u.email = $1 AND p.status = 'DRAFT' LIMIT 1`,
    [demo.author],
  );
  test.skip(!draft, "the demo author has no draft");
  const anonymous = await browser.newContext();
  const response = await (await anonymous.newPage()).goto(`/posts/${draft!.slug}`);
  expect(response?.status()).toBe(404);
  await anonymous.close();
  await signIn(page, demo.author);
  // The article address is the public page, the same for everyone: a draft is not there, even for its author.
  expect((await page.goto(`/posts/${draft!.slug}`))?.status()).toBe(404);
  await page.goto(`/posts/${draft!.slug}/preview`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(draft!.title);
  await expect(page.getByRole("status").filter({ hasText: "Preview" })).toContainText("draft");
  // A signed-in reader may not preview it.
  expect((await userPage.goto(`/posts/${draft!.slug}/preview`))?.status()).toBe(404);
});

test("[READER] signed in, gets the cached article like everyone; the comment form and their pending comment arrive after it loads", async ({ request, userPage, user }) => {
  const article = await newestArticle();
  const path = `/posts/${article.slug}`;
  // Byte for byte the page anonymous readers get (another worker publishing may expire it in between: ask again).
  await expect(async () => {
    const anonymous = await request.get(path);
    const signedIn = await userPage.request.get(path);
    expect(signedIn.status()).toBe(200);
    expect(await signedIn.text()).toBe(await anonymous.text());
  }).toPass({ timeout: 30_000 });

  await userPage.goto(path);
  const text = `Signed-in reader's first comment ${crypto.randomBytes(4).toString("hex")}`;
  await userPage.getByLabel("Your comment").fill(text);
  await userPage.getByRole("button", { name: "Post comment" }).click();
  await expect(userPage.getByRole("status")).toContainText("awaiting moderation");
  await userPage.reload();
  await expect(userPage.locator(".pending-comments")).toContainText(text);
  await expect(userPage.locator(".pending-comments")).toContainText(user.displayName);
  await expect(userPage.getByRole("link", { name: "Edit this article" })).toHaveCount(0);
  const [stored] = await sql<{ status: string }>(`SELECT status FROM "Comment" WHERE body = $1 AND "authorId" = $2`, [text, user.id]);
  expect(stored!.status).toBe("PENDING");

  // The pending comment lives only in the private, per-visitor answer, never in the page.
  const html = await (await userPage.request.get(path)).text();
  expect(html).not.toContain(text);
  expect(html).not.toContain(user.displayName);
  const [post] = await sql<{ id: string }>(`SELECT id FROM "Post" WHERE slug = $1`, [article.slug]);
  const viewer = await userPage.request.get(`/api/comments/viewer?postId=${post!.id}`);
  expect(viewer.headers()["cache-control"]).toContain("no-store");
  expect(viewer.headers()["cache-control"]).toContain("private");
  expect(((await viewer.json()) as { pending: { body: string }[] }).pending.map((c) => c.body)).toEqual([text]);
});

test("[AUTHOR] sees an Edit link on their own article, [EDITOR] on anyone's; both on the cached page", async ({ pageAs }) => {
  // One process for the three accounts (each costs a password hash).
  const [author, editor, otherAuthor] = await createE2EUsers([{ role: "AUTHOR", publishedPosts: 1 }, { role: "EDITOR" }, { role: "AUTHOR" }]);
  const [post] = await sql<{ id: string }>(`SELECT id FROM "Post" WHERE slug = $1`, [author!.postSlugs[0]]);
  const authorPage = await pageAs(author!);
  await authorPage.goto(`/posts/${author!.postSlugs[0]}`);
  await expect(authorPage.getByRole("link", { name: "Edit this article" })).toHaveAttribute("href", `/dashboard/posts/${post!.id}/edit`);
  const editorPage = await pageAs(editor!);
  await editorPage.goto(`/posts/${author!.postSlugs[0]}`);
  await expect(editorPage.getByRole("link", { name: "Edit this article" })).toHaveAttribute("href", `/admin/posts/${post!.id}/edit`);
  const otherPage = await pageAs(otherAuthor!);
  await otherPage.goto(`/posts/${author!.postSlugs[0]}`);
  await expect(otherPage.getByLabel("Your comment")).toBeVisible();
  await expect(otherPage.getByRole("link", { name: "Edit this article" })).toHaveCount(0);
});

test("[READER] pages fit a 360px-wide phone without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const article = await newestArticle();
  for (const path of ["/", `/posts/${article.slug}`, `/category/${article.categorySlug}`, "/search?q=harbour"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

async function expectAccessible(page: Page, path: string) {
  await page.goto(path);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), path).toEqual([]);
  await expect(page.locator("h1")).toHaveCount(1);
}

test("[READER] home, article, section, search and author pages pass axe-core", async ({ page }) => {
  const article = await newestArticle();
  for (const path of ["/", `/posts/${article.slug}`, `/category/${article.categorySlug}`, "/search?q=harbour", `/authors/${article.username}`]) {
    await expectAccessible(page, path);
  }
});

test("[READER] public pages are valid HTML", async ({ request }) => {
  const article = await newestArticle();
  const validator = new HtmlValidate(new StaticConfigLoader({ extends: ["html-validate:standard"] }));
  for (const path of ["/", "/?page=2", `/posts/${article.slug}`, `/category/${article.categorySlug}`, "/search?q=harbour", "/search", `/authors/${article.username}`, "/no/such/page"]) {
    const html = await (await request.get(path)).text();
    const report = await validator.validateString(html);
    expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`)), path).toEqual([]);
  }
});

test("[READER] an article works with JavaScript disabled", async ({ browser }) => {
  const article = await newestArticle();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/posts/${article.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(article.title);
  await expect(page.locator(".article-body h2").first()).toBeVisible();
  await expect(page.locator(".article-body figure figcaption").first()).toBeVisible();
  expect(await page.locator("article img").first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(page.getByRole("link", { name: "Email" })).toHaveAttribute("href", /^mailto:/);
  await page.locator(".article-tags a").first().click();
  await expect(page).toHaveURL(/\/tag\//);
  await context.close();
});

test("[READER] article carries SEO metadata and escaped JSON-LD", async ({ request }) => {
  const article = await newestArticle();
  const html = await (await request.get(`/posts/${article.slug}`)).text();
  expect(html).toMatch(/<meta property="og:type" content="article"\/>/);
  expect(html).toMatch(/<meta property="article:published_time" content="[^"]+"\/>/);
  expect(html).toMatch(/<meta name="twitter:card" content="summary_large_image"\/>/);
  expect(html).toMatch(new RegExp(`<link rel="canonical" href="http://127\\.0\\.0\\.1:\\d+/posts/${article.slug}"/>`));
  const json = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html)?.[1];
  expect(JSON.parse(json!)).toMatchObject({ "@type": "NewsArticle", headline: article.title });
});

test("[READER] feeds, sitemap and robots are served", async ({ request }) => {
  const feed = await request.get("/feed.xml");
  expect(feed.headers()["content-type"]).toContain("application/rss+xml");
  expect(await feed.text()).toContain("<rss");
  const index = await request.get("/sitemap.xml");
  expect(index.headers()["content-type"]).toContain("application/xml");
  const indexXml = await index.text();
  expect(indexXml).toContain("<sitemapindex");
  const files = [...indexXml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(files).toEqual(["/sitemaps/pages.xml", "/sitemaps/posts-1.xml", "/sitemaps/news.xml"]);
  for (const file of files) {
    const response = await request.get(file);
    expect(response.status(), file).toBe(200);
    expect(response.headers()["content-type"], file).toContain("application/xml");
    expect(await response.text(), file).toContain("<urlset");
  }
  const article = await newestArticle();
  expect(await (await request.get("/sitemaps/posts-1.xml")).text()).toContain(`/posts/${article.slug}</loc>`);
  expect(await (await request.get("/sitemaps/news.xml")).text()).toContain("<news:publication_date>");
  expect((await request.get("/sitemaps/posts-2.xml")).status()).toBe(404);
  expect(await (await request.get("/robots.txt")).text()).toMatch(/Sitemap: http.*\/sitemap\.xml/);
});
