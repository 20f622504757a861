import { db } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

/**
 * Reader-facing queries. These deliberately skip authorization: they only
 * ever return what any anonymous reader may see (published, not hidden, and
 * publishedAt in the past).
 */
export function publicPostWhere(now = new Date()): Prisma.PostWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now }, hiddenAt: null };
}

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
  coverMedia: { select: { storageKey: true, altText: true, width: true, height: true } },
} satisfies Prisma.PostSelect;

export type PostCard = Prisma.PostGetPayload<{ select: typeof postCardSelect }>;

export async function listPublishedPosts(options: { page: number; perPage: number; where?: Prisma.PostWhereInput }): Promise<{ posts: PostCard[]; total: number }> {
  const where = { ...publicPostWhere(), ...options.where };
  const [posts, total] = await Promise.all([
    db().post.findMany({
      where,
      select: postCardSelect,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      skip: (options.page - 1) * options.perPage,
      take: options.perPage,
    }),
    db().post.count({ where }),
  ]);
  return { posts, total };
}

export const articleSelect = {
  ...postCardSelect,
  body: true,
  status: true,
  authorId: true,
  createdAt: true,
  hiddenAt: true,
  author: {
    select: {
      displayName: true,
      username: true,
      bio: true,
      avatarMedia: { select: { storageKey: true, altText: true, width: true, height: true } },
    },
  },
  coverMedia: { select: { storageKey: true, altText: true, width: true, height: true, caption: true, credit: true } },
  tags: { select: { tag: { select: { name: true, slug: true } } } },
} satisfies Prisma.PostSelect;

export type Article = Prisma.PostGetPayload<{ select: typeof articleSelect }>;

export async function publicPostBySlug(slug: string): Promise<Article | null> {
  return db().post.findFirst({ where: { slug, ...publicPostWhere() }, select: articleSelect });
}
