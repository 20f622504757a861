import { expect, test } from "@playwright/test";
import { demo, signIn, sql } from "./support";

test("[READER] the home page lists the seeded articles", async ({ page }) => {
  await page.goto("/");
  const published = await sql<{ title: string }>(
    `SELECT title FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() ORDER BY "publishedAt" DESC LIMIT 3`,
  );
  expect(published).toHaveLength(3);
  for (const { title } of published) await expect(page.getByRole("link", { name: title, exact: true }).first()).toBeVisible();
});

test("[READER] an article page renders title, byline, cover and body", async ({ page }) => {
  const [post] = await sql<{ slug: string; title: string; displayName: string }>(
    `SELECT p.slug, p.title, u."displayName" FROM "Post" p JOIN "User" u ON u.id = p."authorId"
     WHERE p.status = 'PUBLISHED' AND p."publishedAt" <= now() AND p."hiddenAt" IS NULL
       -- a seeded article (other tests publish posts without pictures)
       AND p."coverMediaId" IS NOT NULL AND p.body LIKE '%](/media/%'
     ORDER BY p."publishedAt" DESC LIMIT 1`,
  );
  await page.goto(`/posts/${post!.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(post!.title);
  await expect(page.getByRole("link", { name: post!.displayName }).first()).toBeVisible();
  const images = page.locator("article figure img");
  await expect(images.first()).toBeVisible();
  // Every image must really load (its resized variant is served by /media).
  for (const img of await images.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  }
  expect(await page.locator(".article-body h2").count()).toBeGreaterThanOrEqual(2);
});

test("[AUTHOR] a demo author signs in and sees My Posts", async ({ page }) => {
  await signIn(page, demo.author);
  await expect(page.getByRole("heading", { level: 1, name: "My Posts" })).toBeVisible();
  const [row] = await sql<{ count: string }>(`SELECT count(*) FROM "Post" p JOIN "User" u ON u.id = p."authorId" WHERE u.email = $1`, [demo.author]);
  await expect(page.locator("tbody tr")).toHaveCount(Number(row!.count));
});
