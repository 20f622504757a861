import "server-only";
import { isLookupKey } from "@/lib/validation/text";
import { Feed } from "feed";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { publicPostWhere } from "@/lib/posts/public-posts";
import { pageTag, postTags, tagCurrentPage } from "@/lib/cache/page-tags";
import { renderMarkdown } from "@/lib/markdown/render";
import { absoluteUrl, imageUrl } from "@/lib/seo/metadata";
import type { Prisma } from "@/generated/prisma/client";

export const FEED_SIZE = 20;

/** RSS 2.0 for the whole site, or one section. Null when the section does not exist. */
export async function buildRssFeed(options: { categorySlug?: string } = {}): Promise<string | null> {
  const { SITE_NAME, SITE_DESCRIPTION } = env();
  let where: Prisma.PostWhereInput = publicPostWhere();
  let title = SITE_NAME;
  let description = SITE_DESCRIPTION;
  let link = absoluteUrl("/");
  let self = absoluteUrl("/feed.xml");
  let categoryId: string | null = null;
  if (options.categorySlug !== undefined) {
    if (!isLookupKey(options.categorySlug)) return null;
    const category = await db().category.findUnique({ where: { slug: options.categorySlug }, select: { id: true, name: true, slug: true, description: true } });
    if (!category) return null;
    where = { ...where, categoryId: category.id };
    categoryId = category.id;
    title = `${category.name} · ${SITE_NAME}`;
    description = category.description || `The latest ${category.name} articles from ${SITE_NAME}.`;
    link = absoluteUrl(`/category/${category.slug}`);
    self = absoluteUrl(`/category/${category.slug}/feed.xml`);
  }
  const posts = await db().post.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: {
      id: true,
      authorId: true,
      title: true,
      slug: true,
      excerpt: true,
      body: true,
      publishedAt: true,
      updatedAt: true,
      author: { select: { displayName: true, username: true } },
      category: { select: { name: true, slug: true } },
      coverMedia: { select: { storageKey: true, width: true, height: true, mimeType: true, sizeBytes: true } },
    },
  });
  const list = categoryId ? (`section:${categoryId}` as const) : "home";
  await tagCurrentPage([pageTag.list(list), ...posts.flatMap((post) => postTags(post))]);
  const feed = new Feed({
    title,
    description,
    id: link,
    link,
    language: "en-GB",
    copyright: `© ${new Date().getUTCFullYear()} ${SITE_NAME}`,
    updated: posts[0]?.publishedAt ?? new Date(0),
    generator: "Broadsheet",
    feedLinks: { rss: self },
  });
  for (const post of posts) {
    const url = absoluteUrl(`/posts/${post.slug}`);
    feed.addItem({
      title: post.title,
      id: url,
      link: url,
      description: post.excerpt || undefined,
      content: renderMarkdown(post.body),
      author: [{ name: post.author.displayName, link: absoluteUrl(`/authors/${post.author.username}`) }],
      date: post.publishedAt!,
      published: post.publishedAt!,
      category: post.category ? [{ name: post.category.name, domain: absoluteUrl(`/category/${post.category.slug}`) }] : undefined,
      image: post.coverMedia ? { url: imageUrl(post.coverMedia), type: "image/jpeg" } : undefined,
    });
  }
  return feed.rss2();
}
