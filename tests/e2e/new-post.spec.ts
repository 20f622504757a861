import crypto from "node:crypto";
import { expect, test } from "@playwright/test";
import { demo, signIn, sql } from "./support";

const unique = () => Math.random().toString(36).slice(2, 8);
const postCount = async (userId: string) => Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM "Post" WHERE "authorId" = $1`, [userId]))[0]!.n);

/** An account of the test's own (the demo password's hash), so other tests' posts never change its counts. */
async function freshAccount(role: "AUTHOR" | "READER") {
  const id = `e2e${crypto.randomBytes(6).toString("hex")}`;
  const email = `${role.toLowerCase()}-${id}@example.test`;
  await sql(
    `INSERT INTO "User" (id, email, username, "displayName", "passwordHash", role, "updatedAt")
     SELECT $1, $2, $3, 'Fresh Writer', "passwordHash", $4, now() FROM "User" WHERE email = $5`,
    [id, email, `fresh${id.slice(3, 11)}`, role, demo.author2],
  );
  return { id, email };
}

test("[AUTHOR] New post creates the draft on a POST only, autosaves coalesce into one revision, and a reload shows the text", async ({ page }) => {
  const { id: userId, email } = await freshAccount("AUTHOR");
  await signIn(page, email);

  // A plain GET of the old address (a prefetch, a crawler, a link preview) creates nothing.
  const before = await postCount(userId);
  const get = await page.request.get("/dashboard/posts/new");
  expect(get.status()).toBe(200);
  expect(await postCount(userId)).toBe(before);

  // "New post" in My Posts: a draft exists at once, with its own edit address.
  await page.goto("/dashboard/posts");
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts\/[a-z0-9]+\/edit$/);
  const postId = page.url().split("/").at(-2)!;
  expect(await sql(`SELECT status, title FROM "Post" WHERE id = $1 AND "authorId" = $2`, [postId, userId])).toEqual([{ status: "DRAFT", title: "" }]);
  expect(await postCount(userId)).toBe(before + 1);
  await expect(page.getByRole("status").filter({ hasText: "Not saved yet" })).toBeVisible();

  // Type, pause past the autosave, type again: two autosaves, one revision.
  const title = `Fresh start ${unique()}`;
  await page.getByLabel("Title").fill(title);
  await expect(page.getByLabel("Slug")).toHaveValue(title.toLowerCase().replace(/[^a-z0-9]+/g, "-"));
  await page.getByLabel("Content (Markdown)").fill("The first paragraph.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByLabel("Content (Markdown)").fill("The first paragraph.\n\nAnd a second one.");
  await expect(page.getByRole("status").filter({ hasText: /^Unsaved changes$/ })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await expect.poll(async () => (await sql<{ body: string }>(`SELECT body FROM "Post" WHERE id = $1`, [postId]))[0]!.body).toBe("The first paragraph.\n\nAnd a second one.");

  await page.reload();
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Content (Markdown)")).toHaveValue("The first paragraph.\n\nAnd a second one.");
  await expect(page.getByText("This browser kept changes that were not saved")).toHaveCount(0);
  const revisions = await sql<{ reason: string; body: string }>(`SELECT reason, body FROM "PostRevision" WHERE "postId" = $1`, [postId]);
  expect(revisions).toEqual([{ reason: "autosave", body: "The first paragraph.\n\nAnd a second one." }]);

  // The post is in My Posts under its title; the old /dashboard/posts/<id> address opens its editor.
  await page.goto(`/dashboard/posts?q=${encodeURIComponent(title)}`);
  await expect(page.locator("tbody tr")).toHaveCount(1);
  await page.goto(`/dashboard/posts/${postId}`);
  await expect(page).toHaveURL(new RegExp(`/dashboard/posts/${postId}/edit$`));
  await expect(page.getByLabel("Title")).toHaveValue(title);
});

test("[AUTHOR] a New post left without typing is not listed in My Posts; Back returns to My Posts", async ({ page }) => {
  const { email } = await freshAccount("AUTHOR");
  await signIn(page, email);
  await page.goto("/dashboard/posts?status=DRAFT");
  await expect(page.getByText("No posts match.")).toBeVisible();
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(page.getByLabel("Title")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard\/posts\?status=DRAFT$/);
  await page.reload();
  await expect(page.getByText("No posts match.")).toBeVisible();
  await page.goto("/dashboard/posts");
  await expect(page.getByText("0 posts")).toBeVisible();

  // Text typed without a title (nothing the server can save yet) is kept in this browser and offered by the next New post.
  await page.getByRole("button", { name: "New post" }).click();
  await page.getByLabel("Content (Markdown)").fill("Notes without a title yet.");
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem("broadsheet:post-draft:new") ?? "")).toContain("Notes without a title yet.");
  await page.goto("/dashboard/posts");
  await page.getByRole("button", { name: "New post" }).click();
  await expect(page.getByText("This browser kept changes that were not saved")).toBeVisible();
  await page.getByRole("button", { name: "Restore unsaved changes" }).click();
  await expect(page.getByLabel("Content (Markdown)")).toHaveValue("Notes without a title yet.");
  const title = `Titled at last ${unique()}`;
  await page.getByLabel("Title").fill(title);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  expect((await sql<{ body: string }>(`SELECT body FROM "Post" WHERE title = $1`, [title]))[0]!.body).toBe("Notes without a title yet.");
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem("broadsheet:post-draft:new"))).toBeNull();
});

test("[AUTHOR] the old /dashboard/posts/new address opens a new draft's editor, and Back skips it", async ({ page }) => {
  const { id: userId, email } = await freshAccount("AUTHOR");
  await signIn(page, email);
  await page.goto("/dashboard/posts/new");
  await expect(page).toHaveURL(/\/dashboard\/posts\/[a-z0-9]+\/edit$/);
  await expect(page.getByRole("heading", { name: "New post" })).toBeAttached();
  expect(await postCount(userId)).toBe(1);
  await page.goBack();
  await expect(page).toHaveURL(/\/dashboard\/posts$/);
});

test("[READER] cannot start a post: the old address answers 403 and creates nothing", async ({ page }) => {
  const { id: userId, email } = await freshAccount("READER");
  await signIn(page, email);
  const response = await page.goto("/dashboard/posts/new");
  expect(response!.status()).toBe(403);
  expect(await postCount(userId)).toBe(0);
});
