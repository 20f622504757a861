import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { resetMediaStorage } from "@/lib/media/storage";
import { migrate } from "@/lib/db/migrate";
import { seedDemoContent, DEMO_PASSWORD, type SeedStep } from "@/lib/seed/seed";
import { DEMO_ARTICLES_DIR, loadDemoArticles } from "@/lib/seed/articles";
import { demoComments, demoUsers } from "@/lib/seed/demo-content";
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
const workerUploads = process.env.UPLOAD_DIR;
// Its own upload folder, so the test sees every image file the seed leaves.
const uploads = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-seed-uploads-"));
const filesIn = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name) : [];

beforeAll(async () => {
  const created = await createEmptyDatabase();
  drop = created.drop;
  await migrate(created.url);
  await disconnectDb();
  process.env.DATABASE_URL = created.url;
  process.env.UPLOAD_DIR = uploads;
  resetEnvCache();
  resetMediaStorage();
}, 120_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = workerUrl;
  process.env.UPLOAD_DIR = workerUploads;
  resetEnvCache();
  resetMediaStorage();
  await drop?.();
  fs.rmSync(uploads, { recursive: true, force: true });
});

async function rowCounts() {
  const prisma = db();
  return {
    users: await prisma.user.count(),
    media: await prisma.media.count(),
    categories: await prisma.category.count(),
    tags: await prisma.tag.count(),
    posts: await prisma.post.count(),
    revisions: await prisma.postRevision.count(),
    comments: await prisma.comment.count(),
    reports: await prisma.report.count(),
    audit: await prisma.auditLog.count(),
  };
}
const EMPTY = { users: 0, media: 0, categories: 0, tags: 0, posts: 0, revisions: 0, comments: 0, reports: 0, audit: 0 };

describe("demo seed", () => {
  // Runs first, on the empty database: the next test seeds the same database for real.
  it.each<SeedStep>(["users", "posts", "comments"])("leaves the database and the upload folder empty when it fails after the %s step", { timeout: 120_000 }, async (failAt) => {
    const reached: SeedStep[] = [];
    const failing = seedDemoContent(undefined, {
      afterStep(step) {
        reached.push(step);
        if (step === failAt) throw new Error(`injected failure after ${step}`);
      },
    });
    await expect(failing).rejects.toThrow(`injected failure after ${failAt}`);
    expect(reached.at(-1)).toBe(failAt);
    expect(await rowCounts()).toEqual(EMPTY);
    expect(filesIn(uploads)).toEqual([]);
  });

  it("refuses a broken article file before writing anything, naming the file", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-seed-articles-"));
    try {
      fs.cpSync(DEMO_ARTICLES_DIR, dir, { recursive: true });
      const file = path.join(dir, "harbourford-tram-extension-to-reach-eastquay-by-2027.md");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("status: PUBLISHED", "status: LIVE"));
      await expect(seedDemoContent(undefined, { articlesDir: dir })).rejects.toThrow(/harbourford-tram-extension-to-reach-eastquay-by-2027\.md: status/);
      expect(await rowCounts()).toEqual(EMPTY);
      expect(filesIn(uploads)).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("seeds users, articles, comments and their history once, and never over existing data", { timeout: 120_000 }, async () => {
    const articles = loadDemoArticles();
    const first = await seedDemoContent();
    expect(first).toEqual({ seeded: true, users: demoUsers.length, posts: articles.length, comments: demoComments.length });
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

    // The articles are the Markdown files: one post per file, named by its slug, text from the file.
    const files = fs.readdirSync(DEMO_ARTICLES_DIR).filter((f) => f.endsWith(".md"));
    expect(files).toHaveLength(18);
    const stored = await db().post.findMany({ select: { slug: true, title: true, excerpt: true, body: true, author: { select: { username: true } }, category: { select: { slug: true } } } });
    expect(stored.map((p) => `${p.slug}.md`).sort()).toEqual(files.sort());
    for (const article of articles) {
      const post = stored.find((p) => p.slug === article.slug)!;
      expect({ title: post.title, excerpt: post.excerpt, author: post.author.username, category: post.category?.slug }).toEqual({
        title: article.title,
        excerpt: article.excerpt,
        author: article.author,
        category: article.category,
      });
      // The figure placeholder became the stored image's address; the rest of the body is the file's.
      expect(post.body).not.toContain("figure:");
      expect(post.body.replace(/\(\/media\/[^ )]+/, `(figure:${article.figure.key}`)).toBe(article.body);
    }
    // 9 avatars + 2 images per article, each stored once.
    expect(await db().media.count()).toBe(demoUsers.length + 2 * articles.length);
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
