import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { renderDemoImage, storeImage } from "@/lib/media/images";
import { mediaUrl } from "@/lib/media/image-url";
import { demoArticles, demoCategories, demoComments, demoTags, demoUsers, type DemoImage } from "@/lib/seed/demo-content";

/** Development-only password shared by every demo account (listed in the README). */
export const DEMO_PASSWORD = "broadsheet-demo-pass";

export type SeedResult = { seeded: boolean; users: number; posts: number; comments: number };

/** Seeds demo content unless the database already has users. */
export async function seedDemoContent(log: (line: string) => void = () => {}): Promise<SeedResult> {
  const prisma = db();
  if ((await prisma.user.count()) > 0) return { seeded: false, users: 0, posts: 0, comments: 0 };
  const maxBytes = env().MAX_UPLOAD_MB * 1024 * 1024;
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;

  const usersByName = new Map<string, string>();
  for (const demo of demoUsers) {
    const user = await createUser({ ...demo, password: DEMO_PASSWORD });
    const avatar = await storeImage(
      await renderDemoImage({ hue: demo.avatarHue, motif: "circles", width: 400, height: 400, seed: demo.username }),
      { maxBytes },
    );
    const media = await prisma.media.create({
      data: { ...avatar, altText: `Portrait of ${demo.displayName}`, credit: "Illustration: Broadsheet", uploaderId: user.id },
    });
    await prisma.user.update({ where: { id: user.id }, data: { avatarMediaId: media.id } });
    usersByName.set(demo.username, user.id);
  }
  log(`  ${demoUsers.length} demo users`);

  const categories = new Map<string, string>();
  for (const c of demoCategories) categories.set(c.slug, (await prisma.category.create({ data: c })).id);
  const tags = new Map<string, string>();
  for (const t of demoTags) tags.set(t.slug, (await prisma.tag.create({ data: t })).id);

  const storeDemo = async (image: DemoImage, uploaderId: string) => {
    const stored = await storeImage(await renderDemoImage({ hue: image.hue, motif: image.motif, seed: image.key }), { maxBytes });
    return prisma.media.create({
      data: { ...stored, altText: image.alt, caption: image.caption, credit: image.credit, uploaderId },
    });
  };

  // The newest published article leads the home page.
  const posts = new Map<string, { id: string; publishedAt: Date | null }>();
  const newest = demoArticles.filter((a) => a.status === "PUBLISHED").sort((a, b) => a.daysAgo - b.daysAgo)[0];
  for (const article of demoArticles) {
    const authorId = usersByName.get(article.author);
    if (!authorId) throw new Error(`Demo article ${article.slug} names unknown author ${article.author}`);
    const cover = await storeDemo(article.cover, authorId);
    const figure = await storeDemo(article.figure, authorId);
    const body = article.body.replaceAll(`figure:${article.figure.key}`, mediaUrl(figure.storageKey));
    const publishedAt = article.status === "DRAFT" || article.status === "IN_REVIEW" ? null : new Date(now - article.daysAgo * day);
    const createdAt = new Date(now - Math.max(article.daysAgo, 0) * day - 2 * 60 * 60 * 1000);
    const post = await prisma.post.create({
      data: {
        title: article.title,
        slug: article.slug,
        excerpt: article.excerpt,
        body,
        status: article.status === "SCHEDULED" ? "PUBLISHED" : article.status,
        publishedAt,
        submittedAt: article.status === "IN_REVIEW" ? new Date(now - day) : null,
        featured: article.slug === newest?.slug,
        authorId,
        categoryId: categories.get(article.category) ?? null,
        coverMediaId: cover.id,
        createdAt,
        // As if last edited when it went out: seeded articles show no "Updated" line.
        updatedAt: publishedAt && publishedAt < new Date(now) ? publishedAt : createdAt,
        tags: { create: article.tags.map((slug) => ({ tagId: tags.get(slug)! })).filter((t) => t.tagId) },
        revisions: { create: { authorId, title: article.title, excerpt: article.excerpt, body, version: 1, reason: "seed" } },
      },
      select: { id: true, publishedAt: true, submittedAt: true },
    });
    posts.set(article.slug, post);
    // The audit log tells the story the demo data implies, at the times it implies.
    if (article.status === "IN_REVIEW") {
      await prisma.auditLog.create({
        data: { actorId: authorId, action: "post.submit", targetType: "post", targetId: post.id, changes: { status: { from: "DRAFT", to: "IN_REVIEW" } }, createdAt: post.submittedAt! },
      });
    } else if (publishedAt) {
      const scheduled = article.status === "SCHEDULED";
      await prisma.auditLog.create({
        data: {
          actorId: authorId,
          action: scheduled ? "post.schedule" : "post.publish",
          targetType: "post",
          targetId: post.id,
          changes: { status: { from: "DRAFT", to: "PUBLISHED" }, publishedAt: { from: null, to: publishedAt.toISOString() } },
          createdAt: scheduled ? new Date(now - day) : publishedAt,
        },
      });
    }
  }
  log(`  ${demoArticles.length} demo posts with ${demoArticles.length * 2} generated images`);

  const moderatorId = usersByName.get("editor")!;
  for (const demo of demoComments) {
    const post = posts.get(demo.article);
    const authorId = usersByName.get(demo.author);
    if (!post?.publishedAt || !authorId) throw new Error(`Demo comment names an unknown article (${demo.article}) or author (${demo.author})`);
    const createdAt = new Date(Math.min(post.publishedAt.getTime() + demo.hoursAfterPublication * 60 * 60 * 1000, now - 60 * 60 * 1000));
    const comment = await prisma.comment.create({ data: { postId: post.id, authorId, body: demo.body, status: demo.status, createdAt } });
    const byStaff = demoUsers.find((u) => u.username === demo.author)?.role !== "READER";
    if (demo.status === "APPROVED" && !byStaff) {
      await prisma.auditLog.create({
        data: {
          actorId: moderatorId,
          action: "comment.approve",
          targetType: "comment",
          targetId: comment.id,
          changes: { status: { from: "PENDING", to: "APPROVED" } },
          createdAt: new Date(Math.min(createdAt.getTime() + 30 * 60 * 1000, now)),
        },
      });
    }
    for (const report of demo.reports ?? []) {
      const reporterId = usersByName.get(report.reporter);
      if (!reporterId) throw new Error(`Demo report names unknown user ${report.reporter}`);
      await prisma.report.create({ data: { reporterId, commentId: comment.id, reason: report.reason, createdAt: new Date(Math.min(createdAt.getTime() + 2 * 60 * 60 * 1000, now)) } });
    }
  }
  log(`  ${demoComments.length} demo comments (${demoComments.filter((c) => c.status === "PENDING").length} waiting for moderation, ${demoComments.filter((c) => c.reports?.length).length} reported)`);
  return { seeded: true, users: demoUsers.length, posts: demoArticles.length, comments: demoComments.length };
}
