import { type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import crypto from "node:crypto";
import { demo, signIn, sql } from "./support";
import { createE2EUsers, expect, test } from "./fixtures";

/** Editors and admins (issue 6): review, moderation, users, audit, all through the UI. */

async function newSignedInPage(browser: Browser, email: string, callbackUrl: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, undefined, callbackUrl);
  return page;
}

test("[CONTRIBUTOR→EDITOR] submit, changes requested, resubmit, approve: the article is public", async ({ browser, page }) => {
  const title = `Harbour ferry timetable ${crypto.randomBytes(3).toString("hex")}`;
  const note = "Please add the weekend timetable.";

  // The contributor writes a draft in the editor and submits it.
  await signIn(page, demo.contributor, undefined, "/dashboard/posts/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill("The ferry will run **hourly**.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();
  const [stored] = await sql<{ slug: string; status: string }>(`SELECT slug, status FROM "Post" WHERE title = $1`, [title]);
  expect(stored!.status).toBe("IN_REVIEW");
  const slug = stored!.slug;

  const editor = await newSignedInPage(browser, demo.editor, "/admin/review");
  const item = editor.getByRole("article", { name: title });
  await expect(item).toBeVisible();
  await expect(item.getByText("By Kit")).toBeVisible();
  await item.getByText("Preview").click();
  await expect(item.locator(".article-body strong")).toHaveText("hourly");
  await item.getByLabel("Note for the author").fill(note);
  await item.getByRole("button", { name: "Request changes" }).click();
  await expect(editor.getByRole("status")).toContainText("Sent");
  const [afterRequest] = await sql<{ status: string; reviewNote: string }>(`SELECT status, "reviewNote" FROM "Post" WHERE slug = $1`, [slug]);
  expect(afterRequest).toEqual({ status: "DRAFT", reviewNote: note });

  // The contributor finds it back in My Posts as a draft, with the editor's note, here and in the editor.
  await page.goto("/dashboard/posts");
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row).toContainText("Draft");
  await expect(row).toContainText(`Changes requested: ${note}`);
  await row.getByRole("link", { name: `Edit “${title}”` }).click();
  await expect(page.getByText(`Changes requested. Editor’s note: ${note}`)).toBeVisible();
  await page.getByLabel("Content (Markdown)").fill("The ferry will run **hourly**.\n\nAt weekends it runs every two hours.");
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Submitted for review.")).toBeVisible();

  await editor.goto("/admin/review");
  const again = editor.getByRole("article", { name: title });
  await again.getByRole("button", { name: "Approve and publish" }).click();
  await expect(editor.getByRole("status")).toContainText("Approved and published");
  await expect(editor.getByRole("article", { name: title })).toHaveCount(0);

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/posts/${slug}`);
  await expect(anonymous.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(anonymous.getByText("At weekends it runs every two hours.")).toBeVisible();
  const audits = await sql<{ action: string }>(
    `SELECT a.action FROM "AuditLog" a JOIN "Post" p ON p.id = a."targetId" WHERE p.slug = $1 ORDER BY a."createdAt", a.id`,
    [slug],
  );
  expect(audits.map((a) => a.action).filter((a) => a !== "post.update")).toEqual(["post.submit", "post.requestChanges", "post.submit", "post.publish", "post.approve"]);
});

test("[READER→EDITOR] a first comment waits for moderation, then signed-out readers see it", async ({ browser, newUser, pageAs }) => {
  // A fresh reader: a first comment only waits for moderation when it is the account's first.
  const rita = await newUser({ role: "READER", displayName: `Rita Reader ${crypto.randomBytes(3).toString("hex")}` });
  const [post] = await sql<{ slug: string; title: string }>(
    `SELECT slug, title FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() AND "hiddenAt" IS NULL ORDER BY "publishedAt" DESC OFFSET 2 LIMIT 1`,
  );
  const text = `Great piece, more at https://example.org/harbour?x=1 <script>alert(1)</script> ${crypto.randomBytes(3).toString("hex")}`;

  const reader = await pageAs(rita);
  await reader.goto(`/posts/${post!.slug}`);
  await reader.getByLabel("Your comment").fill(text);
  await reader.getByRole("button", { name: "Post comment" }).click();
  await expect(reader.getByRole("status")).toContainText("awaiting moderation");
  await expect(reader.locator(".pending-comments")).toContainText("<script>alert(1)</script>");
  const [stored] = await sql<{ status: string }>(`SELECT status FROM "Comment" WHERE body = $1`, [text]);
  expect(stored!.status).toBe("PENDING");

  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto(`/posts/${post!.slug}`);
  await expect(anonymous.getByText("Great piece")).toHaveCount(0);

  const editor = await newSignedInPage(browser, demo.editor, "/admin/comments");
  const row = editor.locator(".moderation-item", { hasText: text });
  await expect(row).toContainText(rita.displayName);
  await row.getByRole("button", { name: `Approve comment by ${rita.displayName}`, exact: true }).click();
  await expect(editor.getByRole("status")).toContainText("Approved 1 comment");
  await expect(editor.locator(".moderation-item", { hasText: text })).toHaveCount(0);

  await anonymous.reload();
  const comment = anonymous.locator(".comment", { hasText: "Great piece" });
  await expect(comment).toContainText(rita.displayName);
  // Signed out, there is one way to report (the article, after signing in), not a link under every comment.
  await expect(anonymous.getByRole("link", { name: "Sign in to report this article" })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: /^Sign in to report/ })).toHaveCount(1);
  // Escaped text, and a safe link.
  await expect(comment).toContainText("<script>alert(1)</script>");
  const link = comment.getByRole("link", { name: "https://example.org/harbour?x=1" });
  await expect(link).toHaveAttribute("rel", "nofollow ugc noopener");
  const [audit] = await sql<{ changes: unknown }>(`SELECT a.changes FROM "AuditLog" a JOIN "Comment" c ON c.id = a."targetId" WHERE c.body = $1 AND a.action = 'comment.approve'`, [text]);
  expect(audit!.changes).toEqual({ status: { from: "PENDING", to: "APPROVED" } });

  // Another reader reports it; the moderators see it with a count.
  const other = await pageAs(await newUser({ role: "READER" }));
  await other.goto(`/posts/${post!.slug}`);
  const reported = other.locator(".comment", { hasText: "Great piece" });
  await reported.getByRole("button", { name: `Report comment by ${rita.displayName}` }).click();
  await reported.getByLabel("What is wrong?").fill("Looks like spam to me");
  await reported.getByRole("button", { name: "Send report" }).click();
  await expect(reported.getByRole("status")).toContainText("the editors will look at it");
  const axe = await new AxeBuilder({ page: other }).include("#comments").analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await editor.goto("/admin/comments?tab=reported");
  const flagged = editor.locator(".moderation-item", { hasText: text });
  await expect(flagged).toContainText("1 report");
  await expect(flagged).toContainText("Looks like spam to me");
});

test("[ADMIN] suspending a user ends their session at their next request", async ({ browser, newUser, pageAs }) => {
  const author = await newUser({ role: "AUTHOR", publishedPosts: 1 });
  const victim = await pageAs(author);
  await victim.goto("/dashboard/posts");
  await expect(victim.getByRole("heading", { name: "My Posts" })).toBeVisible();

  const admin = await newSignedInPage(browser, demo.admin, "/admin/users");
  await admin.getByLabel("Name, username or email").fill(author.username);
  await admin.getByRole("search", { name: "Search users" }).getByRole("button", { name: "Search" }).click();
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: `Suspend ${author.displayName}`, exact: true }).click();
  await expect(admin.getByRole("status")).toContainText("suspended");

  await victim.reload();
  await expect(victim).toHaveURL(/\/login\?callbackUrl=/);
  const [row] = await sql<{ status: string }>(`SELECT status FROM "User" WHERE id = $1`, [author.id]);
  expect(row!.status).toBe("SUSPENDED");
  // Their published posts stay up.
  const response = await victim.goto(`/posts/${author.postSlugs[0]}`);
  expect(response?.status()).toBe(200);
  await expect(victim.getByRole("heading", { level: 1 })).toHaveText(`${author.displayName}'s article 1`);
});

test("[ADMIN] clears a reader's sign-in delay after failed sign-ins; the reader signs in at once", async ({ browser, user }) => {
  const reader = await (await browser.newContext()).newPage();
  for (let i = 0; i < 6; i++) {
    await reader.goto("/login");
    await reader.getByLabel("Email").fill(user.email);
    await reader.getByLabel("Password").fill("not-the-right-password-1");
    await reader.getByRole("button", { name: "Sign in" }).click();
    await expect(reader.locator(".form-error")).toContainText(i < 5 ? "don't match" : "Too many sign-in attempts");
  }

  const admin = await newSignedInPage(browser, demo.admin, "/admin/users");
  await admin.getByLabel("Name, username or email").fill(user.email);
  await admin.getByRole("search", { name: "Search users" }).getByRole("button", { name: "Search" }).click();
  await expect(admin.locator("tbody tr")).toHaveCount(1);
  await expect(admin.locator("tbody tr")).toContainText("Sign-in delayed: 5 failed attempts");
  await admin.getByRole("button", { name: `Clear sign-in lock for ${user.displayName}`, exact: true }).click();
  await expect(admin.getByRole("status")).toContainText("can sign in again at once");
  await expect(admin.getByRole("button", { name: `Clear sign-in lock for ${user.displayName}`, exact: true })).toHaveCount(0);
  const audit = await sql<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "targetId" = $1 AND action = 'user.signInLockCleared'`, [user.id]);
  expect(audit).toHaveLength(1);

  await signIn(reader, user.email, user.password, "/settings/profile");
});

test("[CONTRIBUTOR] admin pages are forbidden; [ANONYMOUS] they ask to sign in", async ({ page, browser }) => {
  const anonymous = await (await browser.newContext()).newPage();
  await anonymous.goto("/admin/users");
  await expect(anonymous).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  await signIn(page, demo.contributor, undefined, "/dashboard/posts");
  for (const path of ["/admin/review", "/admin/comments", "/admin/users", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const editor = await newSignedInPage(browser, demo.editor, "/admin/review");
  for (const path of ["/admin/users", "/admin/audit", "/admin/roles"]) {
    const response = await editor.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

// Two accounts may share a display name: their row controls must still have distinct names.
const twinName = `Twin ${crypto.randomBytes(3).toString("hex")}`;
test.beforeAll(async () => {
  await createE2EUsers([{ role: "READER", displayName: twinName }, { role: "READER", displayName: twinName }]);
});

// One test per page: each axe scan takes seconds on a busy machine.
for (const path of [
  "/admin/review",
  "/admin/posts",
  "/admin/comments",
  "/admin/comments?tab=reported",
  "/admin/taxonomy",
  "/admin/users",
  `/admin/users?q=${encodeURIComponent(twinName)}`,
  "/admin/audit",
  "/admin/roles",
  "/admin/settings",
]) {
  test(`[ADMIN] ${path.replace(twinName, "(two users with one name)").replace(encodeURIComponent(twinName), "(two users with one name)")} is accessible (axe) and has one h1`, async ({ page }) => {
    await signIn(page, demo.admin, undefined, path);
    await expect(page.locator("h1")).toHaveCount(1);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("[ADMIN] issues a one-time reset link; the user sets a new password with it, once", async ({ browser, newUser }) => {
  const author = await newUser({ role: "AUTHOR" });
  const admin = await newSignedInPage(browser, demo.admin, "/admin/users");
  await admin.getByLabel("Name, username or email").fill(author.username);
  await admin.getByRole("search", { name: "Search users" }).getByRole("button", { name: "Search" }).click();
  await expect(admin.locator("tbody tr")).toHaveCount(1);
  admin.once("dialog", (dialog) => void dialog.accept());
  await admin.getByRole("button", { name: `Reset password for ${author.displayName}`, exact: true }).click();
  const link = await admin.getByLabel("One-time link (valid 24 hours)").inputValue();
  expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}$/);
  const token = link.split("/").pop()!;
  const [stored] = await sql<{ count: string }>(`SELECT count(*) FROM "PasswordResetToken" WHERE "tokenHash" = $1`, [crypto.createHash("sha256").update(token).digest("hex")]);
  expect(stored!.count).toBe("1");

  const user = await (await browser.newContext()).newPage();
  await user.goto(new URL(link).pathname);
  await expect(user.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await user.getByLabel("New password", { exact: true }).fill("password123");
  await user.getByLabel("Repeat the new password").fill("password123");
  await user.getByRole("button", { name: "Set password" }).click();
  await expect(user.locator(".form-error")).toContainText("too common");
  await user.getByLabel("New password", { exact: true }).fill("tide-tables-and-lighthouses");
  await user.getByLabel("Repeat the new password").fill("tide-tables-and-lighthouses");
  await user.getByRole("button", { name: "Set password" }).click();
  await expect(user.getByRole("status")).toContainText("Your password is set");
  await signIn(user, author.email, "tide-tables-and-lighthouses", "/dashboard/posts");
  await user.goto(new URL(link).pathname);
  await expect(user.locator(".form-error")).toContainText("invalid, has expired or was already used");
});
