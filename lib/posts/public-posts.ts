import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Reader-facing queries. These deliberately skip authorization: they only
 * ever return what any anonymous reader may see (published, not hidden, and
 * publishedAt in the past). See lib/cache/README.md for how their results are cached.
 */
export function publicPostWhere(now = new Date()): Prisma.PostWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now }, hiddenAt: null };
}

export function isPublic(post: { status: string; publishedAt: Date | null; hiddenAt: Date | null }, now = new Date()): boolean {
  return post.status === "PUBLISHED" && !!post.publishedAt && post.publishedAt <= now && !post.hiddenAt;
}

const imageSelect = { storageKey: true, altText: true, width: true, height: true } satisfies Prisma.MediaSelect;

export const postCardSelect = {
  id: true,
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  updatedAt: true,
  featured: true,
  author: { select: { displayName: true, username: true } },
  category: { select: { name: true, slug: true } },
  coverMedia: { select: imageSelect },
} satisfies Prisma.PostSelect;

export type PostCard = Prisma.PostGetPayload<{ select: typeof postCardSelect }>;

export const PER_PAGE = 12;

export type PostPage = { posts: PostCard[]; total: number; page: number; pages: number };

export async function listPublishedPosts(options: { page: number; perPage?: number; where?: Prisma.PostWhereInput; excludeIds?: string[] }): Promise<PostPage> {
  const perPage = options.perPage ?? PER_PAGE;
  const where: Prisma.PostWhereInput = {
    ...publicPostWhere(),
    ...options.where,
    ...(options.excludeIds?.length ? { id: { notIn: options.excludeIds } } : {}),
  };
  const [posts, total] = await Promise.all([
    db().post.findMany({
      where,
      select: postCardSelect,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * perPage,
      take: perPage,
    }),
    db().post.count({ where }),
  ]);
  return { posts, total, page: options.page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** The home page's lead: the newest featured article, else the newest article. */
export async function featuredPost(): Promise<PostCard | null> {
  const featured = await db().post.findFirst({
    where: { ...publicPostWhere(), featured: true },
    select: postCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
  });
  if (featured) return featured;
  return db().post.findFirst({ where: publicPostWhere(), select: postCardSelect, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] });
}

export const articleSelect = {
  ...postCardSelect,
  body: true,
  status: true,
  authorId: true,
  categoryId: true,
  createdAt: true,
  hiddenAt: true,
  author: {
    select: {
      displayName: true,
      username: true,
      bio: true,
      avatarMedia: { select: imageSelect },
    },
  },
  category: { select: { name: true, slug: true } },
  coverMedia: { select: { ...imageSelect, caption: true, credit: true } },
  tags: { select: { tag: { select: { id: true, name: true, slug: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.PostSelect;

export type Article = Prisma.PostGetPayload<{ select: typeof articleSelect }>;

/** A post anyone may read, by its current slug. */
export async function publicPostBySlug(slug: string): Promise<Article | null> {
  return db().post.findFirst({ where: { slug, ...publicPostWhere() }, select: articleSelect });
}

/** Any post by slug, whatever its state: for previews, after an authorization check by the caller. */
export async function anyPostBySlugForPreview(slug: string): Promise<Article | null> {
  return db().post.findUnique({ where: { slug }, select: articleSelect });
}

/** The current slug of a post that used to live at `oldSlug` (renamed), if any. */
export async function currentSlugFor(oldSlug: string): Promise<string | null> {
  const redirect = await db().slugRedirect.findUnique({ where: { fromSlug: oldSlug }, select: { post: { select: { slug: true } } } });
  return redirect?.post.slug ?? null;
}

/** When an edit after publication counts as an update worth showing ("Updated 6 January 2026"). */
export function updatedAfterPublishing(post: { publishedAt: Date | null; updatedAt: Date }): Date | null {
  if (!post.publishedAt) return null;
  // Publishing itself touches updatedAt; only later edits (a minute or more) count.
  return post.updatedAt.getTime() - post.publishedAt.getTime() > 60_000 ? post.updatedAt : null;
}
