import "server-only";
import { db } from "@/lib/db";
import { postCardSelect, publicPostWhere, tagCardsOnPage, type PostCard } from "@/lib/posts/public-posts";

/**
 * Related articles for an article page, in two queries whatever the number of
 * tags: one ranks candidates in SQL, one loads their cards.
 *
 * Score = 2 × shared tags + 1 when in the same category; ties go to the
 * newest. Posts sharing nothing fill the remaining places, newest first, so
 * the first pick falls back to the newest article in the category (score 1),
 * and then to the newest article overall.
 */
export async function relatedPosts(post: { id: string; categoryId: string | null; tagIds: string[] }, limit = 4): Promise<PostCard[]> {
  const now = new Date();
  const ranked = await db().$queryRaw<{ id: string }[]>`
    SELECT p.id
    FROM "Post" p
    LEFT JOIN "PostTag" pt ON pt."postId" = p.id AND pt."tagId" = ANY(${post.tagIds}::text[])
    WHERE p.status = 'PUBLISHED' AND p."publishedAt" <= ${now} AND p."hiddenAt" IS NULL AND p.id <> ${post.id}
    GROUP BY p.id
    ORDER BY (COUNT(pt."tagId") * 2 + CASE WHEN p."categoryId" IS NOT NULL AND p."categoryId" = ${post.categoryId} THEN 1 ELSE 0 END) DESC,
             p."publishedAt" DESC, p.id DESC
    LIMIT ${limit}`;
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const cards = await db().post.findMany({ where: { ...publicPostWhere(now), id: { in: ids } }, select: postCardSelect });
  const byId = new Map(cards.map((c) => [c.id, c]));
  const related = ids.map((id) => byId.get(id)).filter((c): c is PostCard => !!c);
  // The article's related block changes when one of these changes or leaves.
  await tagCardsOnPage(related);
  return related;
}
