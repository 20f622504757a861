import { z } from "zod";
import { db } from "@/lib/db";
import { postListFilterFields, postListRowSelect, whereTitleMatches } from "@/lib/posts/post-list";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const myPostsFilter = z.object({
  status: z.enum(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "REJECTED", "ARCHIVED"]).optional().catch(undefined),
  ...postListFilterFields,
});
export type MyPostsFilter = z.infer<typeof myPostsFilter>;

export const MY_POSTS_PER_PAGE = 20;

/** The actor's own posts only: ownership is part of the query. */
export async function listMyPosts(actor: Actor, filter: MyPostsFilter) {
  assertCan(actor, "dashboard.access");
  const now = new Date();
  // Blank drafts ("New post" opened, nothing written yet: create-draft.ts) are not listed.
  const where: Prisma.PostWhereInput = { authorId: actor.id, NOT: { status: "DRAFT", title: "" } };
  if (filter.status === "SCHEDULED") Object.assign(where, { status: "PUBLISHED", publishedAt: { gt: now } });
  else if (filter.status === "PUBLISHED") Object.assign(where, { status: "PUBLISHED", publishedAt: { lte: now } });
  else if (filter.status) where.status = filter.status;
  whereTitleMatches(where, filter.q);
  // The page's ids first (read from the (authorId, updatedAt, id) index alone, so page 500
  // costs what page 1 does), then those rows.
  const [page, total] = await Promise.all([
    db().post.findMany({
      where,
      select: { id: true },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      ...pageWindow(filter.page, MY_POSTS_PER_PAGE),
    }),
    db().post.count({ where }),
  ]);
  const ids = page.map((row) => row.id);
  const rows = ids.length
    ? await db().post.findMany({
        where: { id: { in: ids }, authorId: actor.id },
        select: {
          ...postListRowSelect,
          updatedAt: true,
          reviewNote: true,
          workingCopy: { select: { title: true, updatedAt: true, submittedAt: true, reviewNote: true } },
        },
      })
    : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const posts = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { workingCopy, ...post } = row;
    // A published post with unpublished changes: its working copy (only PUBLISHED posts use one).
    return [{ ...post, changes: post.status === "PUBLISHED" ? workingCopy : null }];
  });
  return { posts, total, pages: pageCount(total, MY_POSTS_PER_PAGE) };
}
