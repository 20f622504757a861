import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changeUserRole } from "@/lib/users/change-user-role";
import { suspendUser } from "@/lib/users/suspend-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { findValidResetToken, resetPasswordWithToken } from "@/lib/users/reset-password-with-token";
import { hashResetToken } from "@/lib/users/password-reset";
import { listUsers } from "@/lib/users/list-users";
import { deleteUser } from "@/lib/users/delete-user";
import { siteSettings, updateSiteSettings } from "@/lib/site-settings/site-settings";
import { env } from "@/lib/env";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { createTestComment, createTestPost, createTestUser, TEST_PASSWORD, uniqueId } from "@/tests/support/factories";

const activeAdmins = () => db().user.count({ where: { role: "ADMIN", status: "ACTIVE" } });

describe("the last active admin", () => {
  // The rule is about the whole site: start every test from a database with no
  // other admins (test files in a worker share a database and run one by one).
  beforeEach(async () => {
    await db().user.updateMany({ where: { role: "ADMIN" }, data: { role: "EDITOR" } });
  });

  it("[ADMIN] the only admin cannot demote themselves", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const error = await changeUserRole({ actor: admin, input: { userId: admin.id, role: "EDITOR" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toMatch(/last active admin/);
    expect((await db().user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe("ADMIN");
    expect(await db().auditLog.count({ where: { targetId: admin.id, action: "user.changeRole" } })).toBe(0);
  });

  it("[ADMIN] may step down when another active admin remains; a suspended admin does not count", async () => {
    const [a, b] = [await createTestUser({ role: "ADMIN" }), await createTestUser({ role: "ADMIN" })];
    const c = await createTestUser({ role: "ADMIN" });
    await suspendUser({ actor: a, input: { userId: c.id } });
    await changeUserRole({ actor: b, input: { userId: b.id, role: "EDITOR" } });
    await expect(changeUserRole({ actor: a, input: { userId: a.id, role: "READER" } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await activeAdmins()).toBe(1);
  });

  it("[ADMIN] two admins demoting each other at the same moment: exactly one succeeds", async () => {
    const [a, b] = [await createTestUser({ role: "ADMIN" }), await createTestUser({ role: "ADMIN" })];
    const results = await Promise.allSettled([
      changeUserRole({ actor: a, input: { userId: b.id, role: "EDITOR" } }),
      changeUserRole({ actor: b, input: { userId: a.id, role: "EDITOR" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failure.reason).toBeInstanceOf(AppError);
    expect(await activeAdmins()).toBe(1);
  });

  it("[ADMIN] a third admin demoting the other two at once leaves at least one admin", async () => {
    const [a, b, c] = [await createTestUser({ role: "ADMIN" }), await createTestUser({ role: "ADMIN" }), await createTestUser({ role: "ADMIN" })];
    await changeUserRole({ actor: c, input: { userId: c.id, role: "EDITOR" } }).catch(() => undefined);
    // c is now an editor; a and b demote each other and themselves concurrently.
    const results = await Promise.allSettled([
      changeUserRole({ actor: a, input: { userId: b.id, role: "AUTHOR" } }),
      changeUserRole({ actor: b, input: { userId: a.id, role: "AUTHOR" } }),
      changeUserRole({ actor: a, input: { userId: a.id, role: "AUTHOR" } }),
      changeUserRole({ actor: b, input: { userId: b.id, role: "AUTHOR" } }),
    ]);
    expect(results.some((r) => r.status === "rejected")).toBe(true);
    expect(await activeAdmins()).toBe(1);
  });

  it("[ADMIN] two admins suspending each other at the same moment: exactly one succeeds", async () => {
    const [a, b] = [await createTestUser({ role: "ADMIN" }), await createTestUser({ role: "ADMIN" })];
    const results = await Promise.allSettled([suspendUser({ actor: a, input: { userId: b.id } }), suspendUser({ actor: b, input: { userId: a.id } })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await activeAdmins()).toBe(1);
  });
});

describe("user management", () => {
  it("[ADMIN] suspending ends sessions (sessionVersion bumped), refuses sign-in, keeps published posts; audited", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, publish: true });
    const before = await db().user.findUniqueOrThrow({ where: { id: author.id } });
    await suspendUser({ actor: admin, input: { userId: author.id } });
    const after = await db().user.findUniqueOrThrow({ where: { id: author.id } });
    expect(after.status).toBe("SUSPENDED");
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await expect(signInWithPassword({ email: author.email, password: TEST_PASSWORD }, `ip-${uniqueId()}`)).rejects.toThrow(/suspended/);
    expect((await db().post.findUniqueOrThrow({ where: { id: post.id } })).status).toBe("PUBLISHED");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.suspend", targetId: author.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.changes).toEqual({ status: { from: "ACTIVE", to: "SUSPENDED" }, sessionVersion: { from: before.sessionVersion, to: before.sessionVersion + 1 } });
    await reactivateUser({ actor: admin, input: { userId: author.id } });
    expect((await db().auditLog.findFirstOrThrow({ where: { action: "user.reactivate", targetId: author.id } })).changes).toEqual({ status: { from: "SUSPENDED", to: "ACTIVE" } });
  });

  it("[ADMIN] a role change is audited with before/after", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    await changeUserRole({ actor: admin, input: { userId: user.id, role: "CONTRIBUTOR" } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.changeRole", targetId: user.id } });
    expect(audit.changes).toEqual({ role: { from: "READER", to: "CONTRIBUTOR" } });
  });

  it("[ADMIN] cannot suspend themselves", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    await expect(suspendUser({ actor: admin, input: { userId: admin.id } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("[ADMIN] lists users with post and comment counts, searchable", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const author = await createTestUser({ role: "AUTHOR", displayName: `Findable ${uniqueId()}` });
    const post = await createTestPost({ author, publish: true });
    await createTestComment({ postId: post.id, author });
    const { users } = await listUsers(admin, { q: author.displayName, page: 1 });
    expect(users).toHaveLength(1);
    expect(users[0]!._count).toEqual({ posts: 1, comments: 1 });
  });
});

describe("password reset links", () => {
  it("[ADMIN] issues a one-time link: only the token's SHA-256 is stored; the link sets a password once and ends sessions", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const { token, path } = await issuePasswordReset({ actor: admin, input: { userId: user.id } });
    expect(path).toBe(`/reset-password/${token}`);
    const stored = await db().passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.tokenHash).toBe(hashResetToken(token));
    expect(stored.tokenHash).not.toContain(token);
    expect((await findValidResetToken(token))?.email).toBe(user.email);
    expect(await db().auditLog.count({ where: { action: "user.passwordResetIssued", targetId: user.id, actorId: admin.id } })).toBe(1);

    const weak = await resetPasswordWithToken({ token, password: "password123", confirm: "password123" }).catch((e: unknown) => e);
    expect((weak as AppError).fieldErrors?.password).toBeDefined();
    const mismatch = await resetPasswordWithToken({ token, password: "a-brand-new-passphrase", confirm: "something-else-entirely" }).catch((e: unknown) => e);
    expect((mismatch as AppError).fieldErrors?.confirm).toBeDefined();

    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    await resetPasswordWithToken({ token, password: "a-brand-new-passphrase", confirm: "a-brand-new-passphrase" });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    await expect(signInWithPassword({ email: user.email, password: "a-brand-new-passphrase" }, `ip-${uniqueId()}`)).resolves.toMatchObject({ id: user.id });
    // Used once: a second use fails.
    await expect(resetPasswordWithToken({ token, password: "another-new-passphrase", confirm: "another-new-passphrase" })).rejects.toMatchObject({ code: "INVALID" });
    expect(await findValidResetToken(token)).toBeNull();
  });

  it("[ADMIN] a newer link cancels the older one; expired links fail", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const first = await issuePasswordReset({ actor: admin, input: { userId: user.id } });
    const second = await issuePasswordReset({ actor: admin, input: { userId: user.id } });
    expect(await findValidResetToken(first.token)).toBeNull();
    expect(await findValidResetToken(second.token)).not.toBeNull();
    await db().passwordResetToken.updateMany({ where: { tokenHash: hashResetToken(second.token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPasswordWithToken({ token: second.token, password: "a-brand-new-passphrase", confirm: "a-brand-new-passphrase" })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("[ANONYMOUS] the same link used twice at once sets the password only once", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const { token } = await issuePasswordReset({ actor: admin, input: { userId: user.id } });
    const results = await Promise.allSettled([
      resetPasswordWithToken({ token, password: "first-new-passphrase", confirm: "first-new-passphrase" }),
      resetPasswordWithToken({ token, password: "second-new-passphrase", confirm: "second-new-passphrase" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().auditLog.count({ where: { action: "user.passwordReset", targetId: user.id } })).toBe(1);
  });
});

describe("deleting accounts and site settings", () => {
  it("[ADMIN] deletes a reader with their comments; audit keeps who it was", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const post = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    const spammer = await createTestUser();
    const comment = await createTestComment({ postId: post.id, author: spammer });
    await deleteUser({ actor: admin, input: { userId: spammer.id } });
    expect(await db().user.findUnique({ where: { id: spammer.id } })).toBeNull();
    expect(await db().comment.findUnique({ where: { id: comment.id } })).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.delete", targetId: spammer.id } });
    expect(audit.changes).toEqual({ email: { from: spammer.email, to: null }, username: { from: spammer.username, to: null }, role: { from: "READER", to: null }, comments: { from: 1, to: 0 } });
  });

  it("[ADMIN] cannot delete an author with posts or someone in the audit log", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const author = await createTestUser({ role: "AUTHOR" });
    await createTestPost({ author });
    await expect(deleteUser({ actor: admin, input: { userId: author.id } })).rejects.toThrow(/suspend the account instead/);
    const editor = await createTestUser({ role: "EDITOR" });
    await createTestComment({ postId: (await createTestPost({ author, publish: true })).id, status: "APPROVED" }); // the factory's editor acts…
    const actorInLog = await createTestUser({ role: "ADMIN" });
    await changeUserRole({ actor: actorInLog, input: { userId: editor.id, role: "AUTHOR" } });
    await expect(deleteUser({ actor: admin, input: { userId: actorInLog.id } })).rejects.toThrow(/audit log/);
    expect(await db().user.count({ where: { id: { in: [author.id, actorInLog.id] } } })).toBe(2);
  });

  it("[ADMIN] site title and description overrides are audited; empty falls back to the configuration", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const title = `The Harbour Gazette ${uniqueId()}`;
    await updateSiteSettings({ actor: admin, input: { title, description: "News from the harbour." } });
    expect(await siteSettings()).toEqual({ title, description: "News from the harbour." });
    await updateSiteSettings({ actor: admin, input: { title: "", description: "News from the harbour." } });
    expect((await siteSettings()).title).toBe(env().SITE_NAME);
    const audits = await db().auditLog.findMany({ where: { action: "setting.update", actorId: admin.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.changes)).toEqual([
      { title: { from: expect.any(String), to: title }, description: { from: expect.any(String), to: "News from the harbour." } },
      { title: { from: title, to: "" } },
    ]);
  });
});
