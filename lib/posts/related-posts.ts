import "server-only";
import { db } from "@/lib/db";
import { publicCardsByIds, publicPostSql, tagCardsOnPage, type PostCard } from "@/lib/posts/public-posts";

/**
 * Candidates read per shared tag: the tag's newest public posts. Every post
 * sharing a tag is a candidate while the tag has at most this many; beyond
 * that, related articles favour the recent ones (the archive's long tail is
 * reached through tag pages and search).
 */
export const RELATED_PER_TAG = 200;

/**
 * Related articles for an article page, in two queries whatever the number of
 * tags or the size of the archive: one ranks a bounded candidate set in SQL,
 * one loads the cards.
 *
 * Score = 2 × shared tags + 1 when in the same category; ties go to the
 * newest. Posts sharing nothing fill the remaining places, newest first, so
 * the first pick falls back to the newest article in the category (score 1),
 * and then to the newest article overall.
 *
 * The candidates are the newest RELATED_PER_TAG public posts of each of the
 * article's tags (counted per post: its shared tags), plus the newest few of
 * its section and of the site, each read from an index. Ranking every public
 * post instead cost 180–250 ms per cold article render at 100 000 posts
 * (a scan and a group of the whole table, EXPLAIN ANALYZE); this costs a few
 * milliseconds.
 */
export async function relatedPosts(post: { id: string; categoryId: string | null; tagIds: string[] }, limit = 4): Promise<PostCard[]> {
  const now = new Date();
  // Enough of the section's and the site's newest to fill the block even when the newest are tag-sharers ranked elsewhere.
  const fill = limit * 5;
  const visible = publicPostSql(now);
  // Each candidate carries what ranking needs (no second lookup of every candidate row).
  const ranked = await db().$queryRaw<{ id: string }[]>`
    WITH tagged AS (
      SELECT c.id, c."publishedAt", c."categoryId", count(*) AS shared
      FROM unnest(${post.tagIds}::text[]) AS t(tag_id)
      CROSS JOIN LATERAL (
        SELECT p.id, p."publishedAt", p."categoryId" FROM "PostTag" pt JOIN "Post" p ON p.id = pt."postId"
        WHERE pt."tagId" = t.tag_id
          AND ${visible} AND p.id <> ${post.id}
        ORDER BY p."publishedAt" DESC, p.id DESC
        LIMIT ${RELATED_PER_TAG}
      ) c
      GROUP BY c.id, c."publishedAt", c."categoryId"
    ),
    same_section AS (
      SELECT p.id, p."publishedAt", p."categoryId" FROM "Post" p
      WHERE ${post.categoryId}::text IS NOT NULL AND p."categoryId" = ${post.categoryId}
        AND ${visible} AND p.id <> ${post.id}
      ORDER BY p."publishedAt" DESC, p.id DESC
      LIMIT ${fill}
    ),
    newest AS (
      SELECT p.id, p."publishedAt", p."categoryId" FROM "Post" p
      WHERE ${visible} AND p.id <> ${post.id}
      ORDER BY p."publishedAt" DESC, p.id DESC
      LIMIT ${fill}
    ),
    candidates AS (
      SELECT id, "publishedAt", "categoryId", max(shared) AS shared
      FROM (
        SELECT id, "publishedAt", "categoryId", shared FROM tagged
        UNION ALL SELECT id, "publishedAt", "categoryId", 0 FROM same_section
        UNION ALL SELECT id, "publishedAt", "categoryId", 0 FROM newest
      ) u
      GROUP BY id, "publishedAt", "categoryId"
    )
    SELECT id
    FROM candidates
    ORDER BY (shared * 2 + CASE WHEN "categoryId" IS NOT NULL AND "categoryId" = ${post.categoryId} THEN 1 ELSE 0 END) DESC,
             "publishedAt" DESC, id DESC
    LIMIT ${limit}`;
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const related = await publicCardsByIds(ids, now);
  // The article's related block changes when one of these changes or leaves.
  await tagCardsOnPage(related);
  return related;
}
