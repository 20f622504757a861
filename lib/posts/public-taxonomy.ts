import "server-only";
import { isLookupKey } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { pageTag, tagCurrentPage } from "@/lib/cache/page-tags";

/** Section, tag and author pages: the thing itself (lists come from listPublishedPosts). */
export async function publicCategoryBySlug(slug: string) {
  if (!isLookupKey(slug)) return null;
  return db().category.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true, updatedAt: true } });
}

export async function publicTagBySlug(slug: string) {
  if (!isLookupKey(slug)) return null;
  const tag = await db().tag.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, description: true, updatedAt: true } });
  await tagCurrentPage([pageTag.tagSlug(slug), ...(tag ? [pageTag.tag(tag.id)] : [])]);
  return tag;
}

/** Authors are public only once they have a published article (readers and new writers stay private). */
export async function publicAuthorByUsername(username: string) {
  if (!isLookupKey(username)) return null;
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
  // A writer's first publication makes the page appear (their list changes); a new username, a rename.
  await tagCurrentPage([pageTag.username(username), ...(user ? [pageTag.author(user.id), pageTag.list(`author:${user.id}`)] : [])]);
  if (!user || user.posts.length === 0) return null;
  const { posts: _posts, ...author } = user;
  return author;
}

