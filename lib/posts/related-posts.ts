import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { publicCardsByIds, publicPostSql, tagCardsOnPage, type PostCard } from "@/lib/posts/public-posts";

/**
 * Links read per shared tag: the tag's newest, by date (the public ones among
 * them are candidates). Every post sharing a small tag is a candidate; for a
 * big one, the recent ones are (the archive's long tail is reached through tag
 * pages and search). Kept below the average number of posts per tag on a large
 * site: the planner can't know which tag a lateral join asks for and estimates
 * that average, and only while this is below it does it read a tag's newest
 * links from their index (an index-only scan: 1.4 ms for four tags, one on
 * 30 000 articles) rather than all of the tag's links and a sort (11 ms).
 */
export const RELATED_PER_TAG = 60;

/**
 * The article a related block is for: its own values (a preview of a post
 * readers can't see), or the slug of a public article, found in the same
 * query, so the block is ranked beside the article's own query instead of
 * after it. An article that is not public (or no longer) gets no block.
 */
export type RelatedTo = { id: string; categoryId: string | null; tagIds: string[] } | { publicSlug: string };

/** One row (id, "categoryId", tag_ids) for the article, or none. */
function articleSql(to: RelatedTo, visible: Prisma.Sql): Prisma.Sql {
  if ("publicSlug" in to) {
    return Prisma.sql`SELECT p.id, p."categoryId", coalesce((SELECT array_agg(pt."tagId") FROM "PostTag" pt WHERE pt."postId" = p.id), '{}'::text[]) AS tag_ids
      FROM "Post" p WHERE p.slug = ${to.publicSlug} AND ${visible}`;
  }
  return Prisma.sql`SELECT ${to.id}::text AS id, ${to.categoryId}::text AS "categoryId", ${to.tagIds}::text[] AS tag_ids`;
}

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
 * The candidates are the public posts among the newest RELATED_PER_TAG links
 * of each of the article's tags (counted per post: its shared tags), plus the
 * newest few of its section and of the site, each read from an index: a tag's
 * from its links' copy of the posts' dates (PostTag.publishedAt, kept by
 * triggers), so a tag on 30 000 articles costs what a small one does (ordering
 * a tag's posts by the posts' own dates visited every one of them: 71 ms).
 * Ranking every public post instead cost 180–250 ms per cold article render
 * at 100 000 posts (a scan and a group of the whole table, EXPLAIN ANALYZE);
 * this costs a few milliseconds.
 */
export async function relatedPosts(to: RelatedTo, limit = 4): Promise<PostCard[]> {
  const now = new Date();
  // Enough of the section's and the site's newest to fill the block even when the newest are tag-sharers ranked elsewhere.
  const fill = limit * 5;
  const visible = publicPostSql(now);
  // Each candidate carries what ranking needs (no second lookup of every candidate row).
  const ranked = await db().$queryRaw<{ id: string }[]>`
    WITH me AS MATERIALIZED (${articleSql(to, visible)}),
    tagged AS (
      SELECT c.id, c."publishedAt", c."categoryId", count(*) AS shared
      FROM me CROSS JOIN LATERAL unnest(me.tag_ids) AS t(tag_id)
      CROSS JOIN LATERAL (
        SELECT p.id, p."publishedAt", p."categoryId"
        FROM (
          SELECT pt."postId" FROM "PostTag" pt
          WHERE pt."tagId" = t.tag_id AND pt."publishedAt" <= ${now}
          ORDER BY pt."publishedAt" DESC, pt."postId" DESC
          LIMIT ${RELATED_PER_TAG}
        ) newest_links
        JOIN "Post" p ON p.id = newest_links."postId"
        WHERE ${visible} AND p.id <> me.id
      ) c
      GROUP BY c.id, c."publishedAt", c."categoryId"
    ),
    same_section AS (
      SELECT c.id, c."publishedAt", c."categoryId" FROM me CROSS JOIN LATERAL (
        SELECT p.id, p."publishedAt", p."categoryId" FROM "Post" p
        WHERE p."categoryId" = me."categoryId" AND ${visible} AND p.id <> me.id
        ORDER BY p."publishedAt" DESC, p.id DESC
        LIMIT ${fill}
      ) c
    ),
    newest AS (
      SELECT c.id, c."publishedAt", c."categoryId" FROM me CROSS JOIN LATERAL (
        SELECT p.id, p."publishedAt", p."categoryId" FROM "Post" p
        WHERE ${visible} AND p.id <> me.id
        ORDER BY p."publishedAt" DESC, p.id DESC
        LIMIT ${fill}
      ) c
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
    SELECT c.id
    FROM candidates c CROSS JOIN me
    ORDER BY (c.shared * 2 + CASE WHEN c."categoryId" IS NOT NULL AND c."categoryId" = me."categoryId" THEN 1 ELSE 0 END) DESC,
             c."publishedAt" DESC, c.id DESC
    LIMIT ${limit}`;
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const related = await publicCardsByIds(ids, now);
  // The article's related block changes when one of these changes or leaves.
  await tagCardsOnPage(related);
  return related;
}
