import { z } from "zod";
import { filterText } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { containsText } from "@/lib/db/contains-text";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";

export const myPostsFilter = z.object({
  status: z.enum(["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "REJECTED", "ARCHIVED"]).optional().catch(undefined),
  q: filterText,
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type MyPostsFilter = z.infer<typeof myPostsFilter>;

export const MY_POSTS_PER_PAGE = 20;

/** The actor's own posts only: ownership is part of the query. */
export async function listMyPosts(actor: Actor, filter: MyPostsFilter) {
  assertCan(actor, "dashboard.access");
  const now = new Date();
  const where: Prisma.PostWhereInput = { authorId: actor.id };
  if (filter.status === "SCHEDULED") Object.assign(where, { status: "PUBLISHED", publishedAt: { gt: now } });
  else if (filter.status === "PUBLISHED") Object.assign(where, { status: "PUBLISHED", publishedAt: { lte: now } });
  else if (filter.status) where.status = filter.status;
  if (filter.q) where.title = containsText(filter.q);
  const [posts, total] = await Promise.all([
    db().post.findMany({
      where,
      select: {
        id: true,
        title: true,
        slug: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        reviewNote: true,
        workingCopy: { select: { title: true, updatedAt: true, submittedAt: true, reviewNote: true } },
      },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * MY_POSTS_PER_PAGE,
      take: MY_POSTS_PER_PAGE,
    }),
    db().post.count({ where }),
  ]);
  return {
    // A published post with unpublished changes: its working copy (only PUBLISHED posts use one).
    posts: posts.map(({ workingCopy, ...post }) => ({ ...post, changes: post.status === "PUBLISHED" ? workingCopy : null })),
    total,
    pages: Math.max(1, Math.ceil(total / MY_POSTS_PER_PAGE)),
  };
}
