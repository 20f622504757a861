import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { seedDemoContent, DEMO_PASSWORD } from "@/lib/seed/seed";
import { demoArticles, demoComments, demoUsers } from "@/lib/seed/demo-content";
import { verifyPassword } from "@/lib/auth/password";
import { listCommentsForModeration, moderationFilter } from "@/lib/comments/list-comments-for-moderation";
import { listAuditEntries, auditFilter } from "@/lib/audit/list-audit-entries";
import { listPublicComments } from "@/lib/comments/list-comments";
import { createEmptyDatabase } from "@/tests/support/databases";

/**
 * The demo data `npm run dev` seeds on first start, in a database of its own
 * (the worker's database already has users, and the seed only runs on an empty one).
 */
let drop: () => Promise<void>;
const workerUrl = process.env.DATABASE_URL;

beforeAll(async () => {
  const created = await createEmptyDatabase();
  drop = created.drop;
  await migrate(created.url);
  await disconnectDb();
  process.env.DATABASE_URL = created.url;
  resetEnvCache();
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = workerUrl;
  resetEnvCache();
  await drop?.();
});

describe("demo seed", () => {
  it("seeds users, articles, comments and their history once, and never over existing data", { timeout: 120_000 }, async () => {
    const first = await seedDemoContent();
    expect(first).toEqual({ seeded: true, users: demoUsers.length, posts: demoArticles.length, comments: demoComments.length });
    expect(await seedDemoContent()).toEqual({ seeded: false, users: 0, posts: 0, comments: 0 });

    // Every demo account signs in with the documented password.
    const users = await db().user.findMany({ select: { username: true, role: true, passwordHash: true, avatarMediaId: true } });
    expect(users.map((u) => u.username).sort()).toEqual(demoUsers.map((u) => u.username).sort());
    for (const user of users) {
      expect(await verifyPassword(user.passwordHash!, DEMO_PASSWORD)).toBe(true);
      expect(user.avatarMediaId).not.toBeNull();
    }
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(["READER", "CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN"]));

    const posts = await db().post.groupBy({ by: ["status"], _count: true });
    expect(Object.fromEntries(posts.map((p) => [p.status, p._count]))).toEqual({ PUBLISHED: 15, DRAFT: 2, IN_REVIEW: 1 });
    expect(await db().post.count({ where: { status: "PUBLISHED", publishedAt: { gt: new Date() } } })).toBe(1); // scheduled
    expect(await db().post.count({ where: { featured: true } })).toBe(1);
  });

  it("gives the editors a moderation queue: comments waiting, one reported", async () => {
    const editor = await db().user.findUniqueOrThrow({ where: { username: "editor" } });
    const actor = { id: editor.id, role: editor.role, username: editor.username, displayName: editor.displayName };
    const pending = await listCommentsForModeration(actor, moderationFilter.parse({ tab: "pending" }));
    expect(pending.comments.map((c) => c.author.username)).toEqual(["sam", "sam"]);
    const reported = await listCommentsForModeration(actor, moderationFilter.parse({ tab: "reported" }));
    expect(reported.comments).toHaveLength(1);
    expect(reported.comments[0]!.reports[0]!.reporter.displayName).toBe("Priya Natarajan");
    expect(pending.counts).toEqual({ pending: 2, reported: 1, reportedPosts: 0 });

    // Readers see approved comments only, oldest first, none dated in the future.
    const tram = await db().post.findUniqueOrThrow({ where: { slug: "harbourford-tram-extension-to-reach-eastquay-by-2027" } });
    const visible = await listPublicComments(tram.id);
    expect(visible.map((c) => c.author.displayName)).toEqual(["Priya Natarajan", "Amara Osei"]);
    expect(await db().comment.count({ where: { createdAt: { gt: new Date() } } })).toBe(0);
  });

  it("starts the audit log with the history the demo data implies", async () => {
    const admin = await db().user.findUniqueOrThrow({ where: { username: "admin" } });
    const actor = { id: admin.id, role: admin.role, username: admin.username, displayName: admin.displayName };
    const { entries, total } = await listAuditEntries(actor, auditFilter.parse({}));
    const counts = new Map<string, number>();
    for (const e of entries) counts.set(e.action, (counts.get(e.action) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ "post.publish": 14, "post.schedule": 1, "post.submit": 1, "comment.approve": 3 });
    expect(total).toBe(19);
    expect(entries.every((e) => e.createdAt <= new Date())).toBe(true);
    // Newest first: the most recent publication leads.
    expect(entries[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(entries.at(-1)!.createdAt.getTime());
  });
});
