import crypto from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { demo, signIn, sql } from "./support";
import { EXTRA_PORTS, startInstance, type Instance } from "./instances";

/**
 * A live article changes only when its author says so: edits of a published
 * post stay a working copy (autosave, "Save draft") until "Update". Readers on
 * every instance keep the published text until then, and see the update
 * within a second after it. Instance A is the e2e server; B is a second
 * `next start` on the same build and database (as in cache-two-instances.spec.ts,
 * on its own port: A's + 60, so it never meets that spec's A + 50).
 */
const portA = Number(process.env.E2E_PORT ?? 3100);
const portB = EXTRA_PORTS.liveEditsInstanceB;
const baseA = `http://127.0.0.1:${portA}`;
const baseB = `http://127.0.0.1:${portB}`;
let instanceB: Instance | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  instanceB = await startInstance({ port: portB, siteUrl: baseA });
});

test.afterAll(async () => {
  await instanceB?.stop();
});

const unique = () => crypto.randomBytes(3).toString("hex");

/** What an anonymous reader gets from one instance (no cookies: the cached public page). */
async function readerHtml(base: string, path: string): Promise<string> {
  const response = await fetch(`${base}${path}`);
  expect(response.status, `${base}${path}`).toBe(200);
  return response.text();
}

async function h1On(base: string, slug: string): Promise<string> {
  return (/<h1[^>]*>([^<]*)<\/h1>/.exec(await readerHtml(base, `/posts/${slug}`))?.[1] ?? "").replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
}

/** Polls every instance for the article's headline; returns how long it took, or fails after one second. */
async function visibleEverywhereWithinASecond(slug: string, title: string) {
  const start = Date.now();
  const seen: Record<string, string> = {};
  for (const base of [baseA, baseB]) {
    while (Date.now() - start < 1000) {
      seen[base] = await h1On(base, slug);
      if (seen[base] === title) break;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  expect(seen).toEqual({ [baseA]: title, [baseB]: title });
  return Date.now() - start;
}

async function publishNewPost(page: Page, title: string, body: string) {
  await page.goto("/dashboard/posts/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill(body);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const [row] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM "Post" WHERE title = $1`, [title]);
  return row!;
}

async function anonymousPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test("[AUTHOR] typing into a live article changes nothing for readers until 'Update'; then every instance shows it within a second; 'Discard changes' restores the live text", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  const liveWord = `lighthouse${id}`;
  const draftWord = `halftyped${id}`;
  const title = `Tide tables ${id}`;
  const liveBody = `The ferry leaves at nine from the ${liveWord} pier.`;
  await signIn(page, demo.author);
  const post = await publishNewPost(page, title, liveBody);
  await expect(page.getByTestId("live-state")).toHaveText("Live — readers see this version.");

  // Readers (and both instances' caches) have the published version.
  const reader = await anonymousPage(browser);
  await reader.goto(`/posts/${post.slug}`);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  for (const base of [baseA, baseB]) expect(await h1On(base, post.slug)).toBe(title);

  // The author types a change and pauses past the autosave.
  const newTitle = `${title} (revised)`;
  await page.getByLabel("Title").fill(newTitle);
  await page.getByLabel("Content (Markdown)").fill(`${liveBody}\n\nA half-typed sentence about ${draftWord}`);
  await expect(page.getByTestId("live-state")).toHaveText("Unpublished changes — readers still see the published version.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
  await expect
    .poll(async () => (await sql<{ body: string }>(`SELECT body FROM "PostWorkingCopy" WHERE "postId" = $1`, [post.id]))[0]?.body ?? "")
    .toContain(draftWord);
  expect((await sql<{ title: string; body: string }>(`SELECT title, body FROM "Post" WHERE id = $1`, [post.id]))[0]).toEqual({ title, body: liveBody });

  // The reader still sees the published text: article, home, feed and search, on both instances.
  await reader.reload();
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(reader.locator(".article-body")).not.toContainText(draftWord);
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: title, exact: true }).first()).toBeVisible();
  await expect(reader.getByText(newTitle)).toHaveCount(0);
  for (const base of [baseA, baseB]) {
    expect(await h1On(base, post.slug)).toBe(title);
    const feed = await readerHtml(base, "/feed.xml");
    expect(feed).toContain(title);
    expect(feed).not.toContain(newTitle);
    expect(feed).not.toContain(draftWord);
  }
  await reader.goto(`/search?q=${draftWord}`);
  await expect(reader.getByRole("link", { name: newTitle })).toHaveCount(0);
  await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
  await reader.goto(`/search?q=${liveWord}`);
  await expect(reader.getByRole("link", { name: title, exact: true })).toBeVisible();

  // My Posts says so; "Preview changes" shows the working copy at its explicit address.
  const myPosts = await page.context().newPage();
  await myPosts.goto(`/dashboard/posts?q=${encodeURIComponent(title)}`);
  await expect(myPosts.getByRole("row", { name: new RegExp(id) })).toContainText("Unpublished changes");
  await myPosts.goto(`/dashboard/posts/${post.id}/preview`);
  await expect(myPosts.getByText("Preview of unpublished changes — readers still see the published version")).toBeVisible();
  await expect(myPosts.locator(".article-body")).toContainText(draftWord);
  await myPosts.close();

  // "Update": readers see the change on every instance within a second.
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByText("Updated. Readers see the change now.")).toBeVisible();
  const ms = await visibleEverywhereWithinASecond(post.slug, newTitle);
  test.info().annotations.push({ type: "update-visible-on-every-instance-ms", description: String(ms) });
  await expect(page.getByTestId("live-state")).toHaveText("Live — readers see this version.");
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: newTitle }).first()).toBeVisible();
  for (const base of [baseA, baseB]) expect(await readerHtml(base, "/feed.xml")).toContain(newTitle);
  await reader.goto(`/search?q=${draftWord}`);
  await expect(reader.getByRole("link", { name: newTitle })).toBeVisible();

  // Another change, then "Discard changes": the editor shows the live text again; readers never saw it.
  const updatedBody = await page.getByLabel("Content (Markdown)").inputValue();
  await page.getByLabel("Content (Markdown)").fill(`${updatedBody}\n\nA paragraph to throw away.`);
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByTestId("live-state")).toContainText("Unpublished changes");
  await page.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByText("Changes discarded. This is the published version readers see.")).toBeVisible();
  await expect(page.getByLabel("Content (Markdown)")).toHaveValue(updatedBody);
  await expect(page.getByLabel("Title")).toHaveValue(newTitle);
  await expect(page.getByTestId("live-state")).toHaveText("Live — readers see this version.");
  expect(await sql(`SELECT 1 FROM "PostWorkingCopy" WHERE "postId" = $1`, [post.id])).toHaveLength(0);
  // Nothing comes back after the autosave delay or a reload.
  await page.reload();
  await expect(page.getByLabel("Content (Markdown)")).toHaveValue(updatedBody);
  await expect(page.getByText("This browser kept changes that were not saved")).toHaveCount(0);
  for (const base of [baseA, baseB]) expect(await readerHtml(base, `/posts/${post.slug}`)).not.toContain("A paragraph to throw away.");
  await reader.context().close();
});

test("[CONTRIBUTOR→EDITOR] a contributor's change to a live post goes through review and reaches readers only when approved", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = unique();
  const title = `Lifeboat station ${id}`;
  await signIn(page, demo.contributor, undefined, "/dashboard/posts/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill("The station opens on Saturday.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  const [post] = await sql<{ id: string; slug: string }>(`SELECT id, slug FROM "Post" WHERE title = $1`, [title]);

  const editor = await (await browser.newContext()).newPage();
  await signIn(editor, demo.editor, undefined, "/admin/review");
  await editor.getByRole("article", { name: title }).getByRole("button", { name: "Approve and publish" }).click();
  await expect(editor.getByRole("status")).toContainText("Approved and published");

  // The contributor corrects the live article: no Update for them, only review.
  await page.goto(`/dashboard/posts/${post!.id}/edit`);
  await expect(page.getByTestId("live-state")).toHaveText("Live — readers see this version.");
  await expect(page.getByRole("button", { name: "Update" })).toHaveCount(0);
  await page.getByLabel("Content (Markdown)").fill("The station opens on Sunday at ten.");
  await page.getByRole("button", { name: "Submit changes for review" }).click();
  await expect(page.getByText("Submitted your changes for review.")).toBeVisible();
  await expect(page.getByTestId("live-state")).toContainText("Submitted for review.");

  const reader = await anonymousPage(browser);
  await reader.goto(`/posts/${post!.slug}`);
  await expect(reader.locator(".article-body")).toContainText("The station opens on Saturday.");
  await expect(reader.locator(".article-body")).not.toContainText("Sunday");

  // The editor sees the change against the live text, and approves it.
  await editor.goto("/admin/review");
  const item = editor.getByRole("article", { name: title });
  await expect(item.getByText("Changes to a published article")).toBeVisible();
  const diff = item.getByRole("group", { name: "Changes to the text" });
  await expect(diff.locator("del").filter({ hasText: "Saturday" })).toHaveCount(1);
  await expect(diff.locator("ins").filter({ hasText: "Sunday" })).toHaveCount(1);
  await item.getByRole("button", { name: "Approve changes" }).click();
  await expect(editor.getByRole("status")).toContainText("Approved the changes");

  await reader.reload();
  await expect(reader.locator(".article-body")).toContainText("The station opens on Sunday at ten.");
  expect((await sql<{ body: string }>(`SELECT body FROM "Post" WHERE id = $1`, [post!.id]))[0]!.body).toBe("The station opens on Sunday at ten.");
  await reader.context().close();
  await editor.context().close();
});
