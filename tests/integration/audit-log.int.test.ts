import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AUDIT_PER_PAGE, auditTargetLabels, listAuditEntries } from "@/lib/audit/list-audit-entries";
import { changeUserRole } from "@/lib/users/change-user-role";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { updateSiteSettings } from "@/lib/site-settings/site-settings";
import { createTestComment, createTestPost, createTestUser } from "@/tests/support/factories";

describe("audit log", () => {
  it("the database refuses to update or delete audit rows", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    await changeUserRole({ actor: admin, input: { userId: user.id, role: "AUTHOR" } });
    const row = await db().auditLog.findFirstOrThrow({ where: { targetId: user.id } });
    await expect(db().auditLog.update({ where: { id: row.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db().auditLog.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db().$executeRawUnsafe(`TRUNCATE "AuditLog"`)).rejects.toThrow(/append-only/);
    expect((await db().auditLog.findUniqueOrThrow({ where: { id: row.id } })).action).toBe("user.changeRole");
  });

  it("[ADMIN] filters by actor, action and date range, newest first", async () => {
    const [admin, other] = [await createTestUser({ role: "ADMIN" }), await createTestUser({ role: "ADMIN" })];
    const [u1, u2] = [await createTestUser(), await createTestUser()];
    await changeUserRole({ actor: admin, input: { userId: u1.id, role: "AUTHOR" } });
    await changeUserRole({ actor: admin, input: { userId: u2.id, role: "EDITOR" } });
    await changeUserRole({ actor: other, input: { userId: u1.id, role: "READER" } });
    const mine = await listAuditEntries(admin, { actor: admin.username, page: 1 });
    expect(mine.entries.map((e) => e.targetId)).toEqual([u2.id, u1.id]);
    expect(mine.entries[0]!.actor?.username).toBe(admin.username);
    const byEmail = await listAuditEntries(admin, { actor: other.email, action: "user.changeRole", page: 1 });
    expect(byEmail.entries).toHaveLength(1);
    expect(byEmail.entries[0]!.changes).toEqual({ role: { from: "AUTHOR", to: "READER" } });
    expect(byEmail.actions).toContain("user.changeRole");
    // The day the entries were written (not "now": the test may straddle midnight UTC).
    const day = (await db().auditLog.findFirstOrThrow({ where: { actorId: admin.id }, orderBy: { createdAt: "desc" } })).createdAt.toISOString().slice(0, 10);
    const [first] = await db().auditLog.findMany({ where: { actorId: admin.id }, orderBy: { createdAt: "asc" }, take: 1 });
    const firstDay = first!.createdAt.toISOString().slice(0, 10);
    expect((await listAuditEntries(admin, { actor: admin.username, from: firstDay, to: day, page: 1 })).total).toBe(2);
    expect((await listAuditEntries(admin, { actor: admin.username, to: "2020-01-01", page: 1 })).total).toBe(0);
    const nextDay = new Date(new Date(`${day}T00:00:00Z`).getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect((await listAuditEntries(admin, { actor: admin.username, from: nextDay, page: 1 })).total).toBe(0);
  });

  it("[ADMIN] pages through long logs without repeating or skipping entries", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const user = await createTestUser();
    const roles = ["AUTHOR", "READER"] as const;
    for (let i = 0; i < AUDIT_PER_PAGE + 3; i++) await changeUserRole({ actor: admin, input: { userId: user.id, role: roles[i % 2]! } });
    const first = await listAuditEntries(admin, { actor: admin.username, page: 1 });
    const second = await listAuditEntries(admin, { actor: admin.username, page: 2 });
    expect(first.total).toBe(AUDIT_PER_PAGE + 3);
    expect(first.pages).toBe(2);
    expect(first.entries).toHaveLength(AUDIT_PER_PAGE);
    expect(second.entries).toHaveLength(3);
    const ids = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(AUDIT_PER_PAGE + 3);
  });

  it("[ADMIN] names every kind of target; only a target that is gone shows as deleted", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, input: { title: "Ferry timetable changes" }, publish: true });
    const commenter = await createTestUser({ displayName: "Nell Ortiz" });
    const kept = await createTestComment({ postId: post.id, author: commenter, body: "The 7:15 sailing was always full anyway, so a second boat is welcome news for commuters." });
    const gone = await createTestComment({ postId: post.id, author: commenter, body: "Spam spam spam." });
    await moderateComments({ actor: admin, input: { commentIds: [kept.id], decision: "approve" } });
    await moderateComments({ actor: admin, input: { commentIds: [gone.id], decision: "delete" } });
    await updateSiteSettings({ actor: admin, input: { title: "The Harbourford Broadsheet", description: "" } });

    const { entries } = await listAuditEntries(admin, { actor: admin.username, page: 1 });
    const labels = await auditTargetLabels(entries);
    const label = (type: string, id: string) => labels.get(`${type}:${id}`);
    expect(label("comment", kept.id)).toBe("“The 7:15 sailing was always full anyway, so a second boat is…” by Nell Ortiz on Ferry timetable changes");
    expect(label("comment", gone.id)).toBeUndefined();
    expect(label("setting", "site")).toBe("Site settings");
  });
});
