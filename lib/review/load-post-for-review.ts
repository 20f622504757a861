import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";

/**
 * Locks the post row for the rest of the transaction (two editors deciding at
 * once: the second sees the first's result) and checks it is still in review.
 */
export async function lockPostInReview(tx: Tx, postId: string, expectedVersion?: number) {
  await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${postId} FOR UPDATE`;
  const post = await tx.post.findUnique({ where: { id: postId } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  if (post.status !== "IN_REVIEW") throw new AppError("CONFLICT", "This post is no longer waiting for review.");
  if (expectedVersion !== undefined && expectedVersion !== post.version) {
    throw new AppError("CONFLICT", "This post was changed since you opened it. Reload to see the latest version.");
  }
  return post;
}

/**
 * The same for submitted changes to a published post (its working copy):
 * null when the post is not published, so the caller handles a post in review.
 */
export async function lockChangesInReview(tx: Tx, postId: string, expectedVersion?: number) {
  await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${postId} FOR UPDATE`;
  const post = await tx.post.findUnique({ where: { id: postId }, include: { workingCopy: true } });
  if (!post || post.status !== "PUBLISHED") return null;
  const { workingCopy: copy, ...row } = post;
  if (!copy?.submittedAt) throw new AppError("CONFLICT", "These changes are no longer waiting for review.");
  if (expectedVersion !== undefined && expectedVersion !== post.version) {
    throw new AppError("CONFLICT", "These changes were edited since you opened them. Reload to see the latest version.");
  }
  return { post: row, copy };
}
