import crypto from "node:crypto";
import { type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demo, signIn, sql } from "./support";
import { expect, test } from "./fixtures";

/**
 * Email without SMTP_URL (the e2e server leaves it unset): messages are
 * queued, delivered by the app's own worker to the outbox, and an admin reads
 * them at /admin/mail to pass the link on.
 */
async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), page.url()).toEqual([]);
}

async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Waits for the worker to deliver the newest message to `to`, opens it in the outbox and returns its link. */
async function linkFromOutbox(admin: Page, to: string, route: "reset-password" | "invite"): Promise<string> {
  const row = admin.locator("tbody tr", { hasText: to }).first();
  await expect(async () => {
    await admin.goto("/admin/mail");
    await expect(row.getByText("In outbox")).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await row.locator("summary").click();
  const text = await row.locator("pre").innerText();
  const match = new RegExp(`https?://\\S+/${route}/[A-Za-z0-9_-]{43}`).exec(text);
  expect(match, text).not.toBeNull();
  return match![0];
}

test("[READER] forgot password: the same answer for any address; the admin passes the outbox link on; it sets the password once", async ({ browser, user: fran }) => {
  const { username, email } = fran;

  const user = await newPage(browser);
  await user.goto("/login");
  await user.getByRole("link", { name: "Forgot password?" }).click();
  await expect(user).toHaveURL(/\/forgot-password$/);
  await expectNoAxeViolations(user);
  await user.getByLabel("Email").fill(`nobody-${username}@example.test`);
  await user.getByRole("button", { name: "Send me a link" }).click();
  const answer = user.getByRole("status");
  await expect(answer).toContainText("If an account exists for that address, we've sent a link");
  const unknownAnswer = await answer.innerText();
  await user.reload();
  await user.getByLabel("Email").fill(email);
  await user.getByRole("button", { name: "Send me a link" }).click();
  await expect(user.getByRole("status")).toHaveText(unknownAnswer);

  const admin = await newPage(browser);
  await signIn(admin, demo.admin, undefined, "/admin/mail");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Mail");
  const link = await linkFromOutbox(admin, email, "reset-password");
  await expectNoAxeViolations(admin);
  // Only the known address got a message.
  expect(await sql(`SELECT 1 FROM "MailMessage" WHERE "to" = $1`, [`nobody-${username}@example.test`])).toHaveLength(0);

  await user.goto(new URL(link).pathname);
  await expect(user.getByRole("heading", { level: 1 })).toHaveText("Choose a new password");
  await user.getByLabel("New password", { exact: true }).fill("seashells-and-sextants-9");
  await user.getByLabel("Repeat the new password").fill("seashells-and-sextants-9");
  await user.getByRole("button", { name: "Set password" }).click();
  await expect(user.getByRole("status")).toContainText("Your password is set");
  await signIn(user, email, "seashells-and-sextants-9", "/settings/profile");

  const [token] = await sql<{ usedAt: Date | null }>(
    `SELECT t."usedAt" FROM "PasswordResetToken" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`,
    [email],
  );
  expect(token!.usedAt).not.toBeNull();
  await user.goto(new URL(link).pathname);
  await expect(user.locator(".form-error")).toContainText("invalid, has expired or was already used");
});

test("[ADMIN] invites an author by email; the invitee sets a password from the outbox link and is signed in", async ({ browser }) => {
  const email = `inv${crypto.randomBytes(4).toString("hex")}@example.test`;
  const admin = await newPage(browser);
  await signIn(admin, demo.admin, undefined, "/admin/users");
  const form = admin.getByRole("form", { name: "Invite by email" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Display name").fill("Ingrid Invited");
  await form.getByLabel("Role").selectOption("AUTHOR");
  await form.getByRole("button", { name: "Send invitation" }).click();
  await expect(admin.getByText(`Invitation for Ingrid Invited (Author) queued to ${email}`)).toBeVisible();
  const [account] = await sql<{ role: string; passwordHash: string | null }>(`SELECT role, "passwordHash" FROM "User" WHERE email = $1`, [email]);
  expect(account).toEqual({ role: "AUTHOR", passwordHash: null });

  const link = await linkFromOutbox(admin, email, "invite");
  const invitee = await newPage(browser);
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { level: 1 })).toContainText("Welcome to");
  await expectNoAxeViolations(invitee);
  await invitee.getByLabel("Password", { exact: true }).fill("compass-rose-and-charts-4");
  await invitee.getByLabel("Repeat the password").fill("compass-rose-and-charts-4");
  await invitee.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(invitee).toHaveURL(/\/dashboard\/posts$/);
  await expect(invitee.getByRole("heading", { level: 1 })).toHaveText("My Posts");
});

test("[AUTHOR] opts in to the daily comment digest on the profile page", async ({ newUser, pageAs }) => {
  const account = await newUser({ role: "AUTHOR" });
  const author = await pageAs(account);
  await author.goto("/settings/profile");
  const box = author.getByLabel("Email me a daily summary of comments waiting on my posts");
  await expect(box).not.toBeChecked();
  await box.check();
  await author.getByRole("button", { name: "Save profile" }).click();
  await expect(author.getByRole("status")).toHaveText("Profile saved.");
  const [row] = await sql<{ commentDigest: boolean }>(`SELECT "commentDigest" FROM "User" WHERE id = $1`, [account.id]);
  expect(row!.commentDigest).toBe(true);
  await author.reload();
  await author.getByLabel("Email me a daily summary of comments waiting on my posts").uncheck();
  await author.getByRole("button", { name: "Save profile" }).click();
  await expect(author.getByRole("status")).toHaveText("Profile saved.");
  const [after] = await sql<{ commentDigest: boolean }>(`SELECT "commentDigest" FROM "User" WHERE id = $1`, [account.id]);
  expect(after!.commentDigest).toBe(false);
});
