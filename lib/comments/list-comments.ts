import { cache } from "react";
import { db } from "@/lib/db";
import { can, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";

export const publicCommentSelect = {
  id: true,
  body: true,
  status: true,
  createdAt: true,
  author: { select: { displayName: true, username: true } },
} satisfies Prisma.CommentSelect;
export type PublicComment = Prisma.CommentGetPayload<{ select: typeof publicCommentSelect }>;

/**
 * What every reader sees under an article: approved comments by active
 * accounts, oldest first. Deliberately no actor: it is public, cacheable data.
 * Deduplicated per request: the article lookup starts it early (beside the
 * related articles' queries) and the comments section gets the same result.
 */
export const listPublicComments = cache(async (postId: string): Promise<PublicComment[]> => {
  return db().comment.findMany({
    where: { postId, status: "APPROVED", author: { status: "ACTIVE" } },
    select: publicCommentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 500,
  });
});

/**
 * Pending comments this actor may see on a post: their own, or all of them
 * when the actor wrote the post or moderates comments.
 */
export async function listPendingCommentsForViewer(actor: Actor, postId: string): Promise<PublicComment[]> {
  const post = await db().post.findUnique({ where: { id: postId }, select: { authorId: true } });
  if (!post) return [];
  const seesAll = post.authorId === actor.id || can(actor, "comment.moderate");
  return db().comment.findMany({
    where: { postId, status: "PENDING", author: { status: "ACTIVE" }, ...(seesAll ? {} : { authorId: actor.id }) },
    select: publicCommentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
  });
}
