import "server-only";
import { db } from "@/lib/db";

/** Section, tag and author pages: the thing itself (lists come from listPublishedPosts). */
export function publicCategoryBySlug(slug: string) {
  return db().category.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true, updatedAt: true } });
}

export function publicTagBySlug(slug: string) {
  return db().tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true, updatedAt: true } });
}

/** Authors are public only once they have a published article (readers and new writers stay private). */
export async function publicAuthorByUsername(username: string) {
  const user = await db().user.findUnique({
    where: { username },
    select: {
      id: true,
      username: true,
      displayName: true,
      bio: true,
      avatarMedia: { select: { storageKey: true, altText: true, width: true, height: true } },
      posts: { where: { status: "PUBLISHED", publishedAt: { lte: new Date() }, hiddenAt: null }, select: { id: true }, take: 1 },
    },
  });
  if (!user || user.posts.length === 0) return null;
  const { posts: _posts, ...author } = user;
  return author;
}

