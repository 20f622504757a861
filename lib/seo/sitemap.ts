import "server-only";
import { db } from "@/lib/db";
import { publicPostWhere } from "@/lib/posts/public-posts";
import { absoluteUrl } from "@/lib/seo/metadata";

export type SitemapEntry = { url: string; lastModified?: Date };

/** Every public article, section, tag and author page, with last-modified dates. */
export async function sitemapEntries(): Promise<SitemapEntry[]> {
  const where = publicPostWhere();
  const [posts, categories, tags, authors] = await Promise.all([
    db().post.findMany({ where, select: { slug: true, updatedAt: true, publishedAt: true }, orderBy: { publishedAt: "desc" } }),
    db().category.findMany({ select: { slug: true, updatedAt: true, posts: { where, select: { publishedAt: true }, orderBy: { publishedAt: "desc" }, take: 1 } } }),
    db().tag.findMany({ select: { slug: true, posts: { where: { post: where }, select: { post: { select: { publishedAt: true } } }, orderBy: { post: { publishedAt: "desc" } }, take: 1 } } }),
    db().user.findMany({ where: { posts: { some: where } }, select: { username: true, posts: { where, select: { publishedAt: true }, orderBy: { publishedAt: "desc" }, take: 1 } } }),
  ]);
  const newest = posts[0]?.publishedAt ?? undefined;
  const later = (a: Date, b: Date | null) => (b && b > a ? b : a);
  return [
    { url: absoluteUrl("/"), lastModified: newest },
    ...categories.map((c) => ({ url: absoluteUrl(`/category/${c.slug}`), lastModified: later(c.updatedAt, c.posts[0]?.publishedAt ?? null) })),
    ...tags.filter((t) => t.posts.length).map((t) => ({ url: absoluteUrl(`/tag/${t.slug}`), lastModified: t.posts[0]!.post.publishedAt! })),
    ...authors.map((a) => ({ url: absoluteUrl(`/authors/${a.username}`), lastModified: a.posts[0]?.publishedAt ?? undefined })),
    ...posts.map((p) => ({ url: absoluteUrl(`/posts/${p.slug}`), lastModified: later(p.updatedAt, p.publishedAt) })),
  ];
}
