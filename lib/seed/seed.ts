import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createUser } from "@/lib/users/create-user";
import { renderDemoImage, storeImage } from "@/lib/media/images";
import { mediaUrl } from "@/lib/media/image-url";
import { demoArticles, demoCategories, demoTags, demoUsers, type DemoImage } from "@/lib/seed/demo-content";

/** Development-only password shared by every demo account (listed in the README). */
export const DEMO_PASSWORD = "broadsheet-demo-pass";

export type SeedResult = { seeded: boolean; users: number; posts: number };

/** Seeds demo content unless the database already has users. */
export async function seedDemoContent(log: (line: string) => void = () => {}): Promise<SeedResult> {
  const prisma = db();
  if ((await prisma.user.count()) > 0) return { seeded: false, users: 0, posts: 0 };
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
  const newest = demoArticles.filter((a) => a.status === "PUBLISHED").sort((a, b) => a.daysAgo - b.daysAgo)[0];
  for (const article of demoArticles) {
    const authorId = usersByName.get(article.author);
    if (!authorId) throw new Error(`Demo article ${article.slug} names unknown author ${article.author}`);
    const cover = await storeDemo(article.cover, authorId);
    const figure = await storeDemo(article.figure, authorId);
    const body = article.body.replaceAll(`figure:${article.figure.key}`, mediaUrl(figure.storageKey));
    const publishedAt = article.status === "DRAFT" || article.status === "IN_REVIEW" ? null : new Date(now - article.daysAgo * day);
    const createdAt = new Date(now - Math.max(article.daysAgo, 0) * day - 2 * 60 * 60 * 1000);
    await prisma.post.create({
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
    });
  }
  log(`  ${demoArticles.length} demo posts with ${demoArticles.length * 2} generated images`);
  return { seeded: true, users: demoUsers.length, posts: demoArticles.length };
}
