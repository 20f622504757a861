import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { SETUP_LOCK_KEY } from "@/lib/users/create-first-admin";
import { deleteStoredImage, renderDemoImage, storeImage, type StoredImage } from "@/lib/media/images";
import { mediaUrl } from "@/lib/media/image-url";
import { loadDemoArticles } from "@/lib/seed/articles";
import { demoCategories, demoComments, demoTags, demoUsers, type DemoArticle, type DemoImage } from "@/lib/seed/demo-content";

/** Development-only password shared by every demo account (listed in the README). */
export const DEMO_PASSWORD = "broadsheet-demo-pass";

export type SeedResult = { seeded: boolean; users: number; posts: number; comments: number };

/** The seed's steps, in order; `afterStep` is called once each is written (still inside the transaction). */
export type SeedStep = "users" | "taxonomy" | "posts" | "comments";

export type SeedOptions = {
  /** Called after each step inside the transaction; a throw rolls back everything (tests inject failures here). */
  afterStep?: (step: SeedStep) => void | Promise<void>;
  /** Where the article files are (default lib/seed/articles). */
  articlesDir?: string;
};

const NOT_SEEDED: SeedResult = { seeded: false, users: 0, posts: 0, comments: 0 };

/**
 * Seeds demo content unless the database already has users. Every row is
 * written in one transaction (under /setup's lock, so setup and seed never
 * both create a first account): a crash or a bad file leaves nothing behind.
 * Images are rendered and stored first, outside the transaction (storage is
 * not transactional), and deleted again when the transaction does not commit.
 */
export async function seedDemoContent(log: (line: string) => void = () => {}, options: SeedOptions = {}): Promise<SeedResult> {
  const prisma = db();
  if ((await prisma.user.count({ take: 1 })) > 0) return NOT_SEEDED;
  // Read and check every file before touching anything.
  const articles = loadDemoArticles(options.articlesDir);

  const images = new Map<string, StoredImage>();
  try {
    await storeImages(articles, images);
    const result = await prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
        if ((await tx.user.count({ take: 1 })) > 0) return NOT_SEEDED;
        return writeDemoContent(tx, articles, images, log, options.afterStep ?? (() => {}));
      },
      // Password hashing and ~100 inserts: far beyond the default 5 s on a busy machine.
      { maxWait: 60_000, timeout: 300_000 },
    );
    if (!result.seeded) await deleteImages(images);
    return result;
  } catch (error) {
    await deleteImages(images);
    throw error;
  }
}

/** Avatar keys are `avatar:<username>`, article images their front-matter key. */
async function storeImages(articles: DemoArticle[], images: Map<string, StoredImage>) {
  const maxBytes = env().MAX_UPLOAD_MB * 1024 * 1024;
  for (const user of demoUsers) {
    const png = await renderDemoImage({ hue: user.avatarHue, motif: "circles", width: 400, height: 400, seed: user.username });
    images.set(`avatar:${user.username}`, await storeImage(png, { maxBytes }));
  }
  for (const article of articles) {
    for (const image of [article.cover, article.figure]) {
      if (images.has(image.key)) throw new Error(`Demo image key ${image.key} is used twice (article ${article.slug}).`);
      images.set(image.key, await storeImage(await renderDemoImage({ hue: image.hue, motif: image.motif, seed: image.key }), { maxBytes }));
    }
  }
}

async function deleteImages(images: Map<string, StoredImage>) {
  // Best effort: the error that got us here matters more than a leftover file.
  for (const image of images.values()) await deleteStoredImage(image.storageKey).catch(() => undefined);
  images.clear();
}

async function writeDemoContent(
  tx: Tx,
  articles: DemoArticle[],
  images: Map<string, StoredImage>,
  log: (line: string) => void,
  afterStep: (step: SeedStep) => void | Promise<void>,
): Promise<SeedResult> {
  const now = Date.now();
  const day = 24 * 60 * 60 * 1000;
  const image = (key: string) => {
    const stored = images.get(key);
    if (!stored) throw new Error(`Demo image ${key} was not stored.`);
    return stored;
  };

  const usersByName = new Map<string, string>();
  for (const demo of demoUsers) {
    const user = await createUser({ ...demo, password: DEMO_PASSWORD }, tx);
    const media = await tx.media.create({
      data: { ...image(`avatar:${demo.username}`), altText: `Portrait of ${demo.displayName}`, credit: "Illustration: Broadsheet", uploaderId: user.id },
    });
    await tx.user.update({ where: { id: user.id }, data: { avatarMediaId: media.id } });
    usersByName.set(demo.username, user.id);
  }
  await afterStep("users");
  log(`  ${demoUsers.length} demo users`);

  const categories = new Map<string, string>();
  for (const c of demoCategories) categories.set(c.slug, (await tx.category.create({ data: c })).id);
  const tags = new Map<string, string>();
  for (const t of demoTags) tags.set(t.slug, (await tx.tag.create({ data: t })).id);
  await afterStep("taxonomy");

  const storeDemo = (demo: DemoImage, uploaderId: string) =>
    tx.media.create({ data: { ...image(demo.key), altText: demo.alt, caption: demo.caption, credit: demo.credit, uploaderId } });

  // The newest published article leads the home page.
  const posts = new Map<string, { id: string; publishedAt: Date | null }>();
  const newest = articles.filter((a) => a.status === "PUBLISHED").sort((a, b) => a.daysAgo - b.daysAgo)[0];
  for (const article of articles) {
    const authorId = usersByName.get(article.author);
    if (!authorId) throw new Error(`Demo article ${article.slug} names unknown author ${article.author}`);
    const categoryId = categories.get(article.category);
    if (!categoryId) throw new Error(`Demo article ${article.slug} names unknown section ${article.category}`);
    const tagIds = article.tags.map((slug) => {
      const id = tags.get(slug);
      if (!id) throw new Error(`Demo article ${article.slug} names unknown tag ${slug}`);
      return id;
    });
    const cover = await storeDemo(article.cover, authorId);
    const figure = await storeDemo(article.figure, authorId);
    const body = article.body.replaceAll(`figure:${article.figure.key}`, mediaUrl(figure.storageKey));
    const publishedAt = article.status === "DRAFT" || article.status === "IN_REVIEW" ? null : new Date(now - article.daysAgo * day);
    const createdAt = new Date(now - Math.max(article.daysAgo, 0) * day - 2 * 60 * 60 * 1000);
    const post = await tx.post.create({
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
        categoryId,
        coverMediaId: cover.id,
        createdAt,
        // As if last edited when it went out: seeded articles show no "Updated" line.
        updatedAt: publishedAt && publishedAt < new Date(now) ? publishedAt : createdAt,
        tags: { create: tagIds.map((tagId) => ({ tagId })) },
        revisions: { create: { authorId, title: article.title, excerpt: article.excerpt, body, version: 1, reason: "seed" } },
      },
      select: { id: true, publishedAt: true, submittedAt: true },
    });
    posts.set(article.slug, post);
    // The audit log tells the story the demo data implies, at the times it implies.
    if (article.status === "IN_REVIEW") {
      await tx.auditLog.create({
        data: { actorId: authorId, action: "post.submit", targetType: "post", targetId: post.id, changes: { status: { from: "DRAFT", to: "IN_REVIEW" } }, createdAt: post.submittedAt! },
      });
    } else if (publishedAt) {
      const scheduled = article.status === "SCHEDULED";
      await tx.auditLog.create({
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
  await afterStep("posts");
  log(`  ${articles.length} demo posts (lib/seed/articles/) with ${articles.length * 2} generated images`);

  const moderatorId = usersByName.get("editor")!;
  for (const demo of demoComments) {
    const post = posts.get(demo.article);
    const authorId = usersByName.get(demo.author);
    if (!post?.publishedAt || !authorId) throw new Error(`Demo comment names an unknown article (${demo.article}) or author (${demo.author})`);
    const createdAt = new Date(Math.min(post.publishedAt.getTime() + demo.hoursAfterPublication * 60 * 60 * 1000, now - 60 * 60 * 1000));
    const comment = await tx.comment.create({ data: { postId: post.id, authorId, body: demo.body, status: demo.status, createdAt } });
    const byStaff = demoUsers.find((u) => u.username === demo.author)?.role !== "READER";
    if (demo.status === "APPROVED" && !byStaff) {
      await tx.auditLog.create({
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
      await tx.report.create({ data: { reporterId, commentId: comment.id, reason: report.reason, createdAt: new Date(Math.min(createdAt.getTime() + 2 * 60 * 60 * 1000, now)) } });
    }
  }
  await afterStep("comments");
  log(`  ${demoComments.length} demo comments (${demoComments.filter((c) => c.status === "PENDING").length} waiting for moderation, ${demoComments.filter((c) => c.reports?.length).length} reported)`);
  return { seeded: true, users: demoUsers.length, posts: articles.length, comments: demoComments.length };
}
