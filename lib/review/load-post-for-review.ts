import { AppError } from "@/lib/errors";
import { db, type Tx } from "@/lib/db";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import type { Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";

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

/**
 * Request changes or reject, for submitted changes to a published post: the
 * working copy goes back to its author with the editor's note; the live
 * version stays as it is. The post's updatedAt is kept (readers saw no change).
 */
export async function returnChangesToAuthor(
  tx: Tx,
  actor: Actor,
  changes: NonNullable<Awaited<ReturnType<typeof lockChangesInReview>>>,
  note: string,
  auditAction: "post.rejectChanges" | "post.requestChangesChanges",
) {
  const postId = changes.post.id;
  await tx.postWorkingCopy.update({ where: { postId }, data: { submittedAt: null, reviewNote: note } });
  const updated = await tx.post.update({ where: { id: postId }, data: { reviewedById: actor.id, version: { increment: 1 }, updatedAt: changes.post.updatedAt } });
  await recordAudit(tx, {
    actorId: actor.id,
    action: auditAction,
    targetType: "post",
    targetId: postId,
    changes: { reviewNote: { from: changes.copy.reviewNote, to: note } },
  });
  return { ...updated, title: changes.copy.title };
}

/**
 * "Request changes" (→ draft) and "Reject" (→ rejected): the post goes back to
 * its author with the note, in one transaction with its audit row. Submitted
 * changes to a live post go back as a working copy; the live version stays.
 * Readers see nothing of either: the effect is computed anyway, from the one
 * definition, so a mistake here could not expire or expose anything silently.
 */
export async function sendBackToAuthor(
  actor: Actor,
  decision: { postId: string; expectedVersion?: number; note: string; status: "DRAFT" | "REJECTED"; action: "post.requestChanges" | "post.reject"; changesAction: "post.requestChangesChanges" | "post.rejectChanges" },
) {
  const { postId, expectedVersion, note, status } = decision;
  return db().$transaction(async (tx) => {
    const changes = await lockChangesInReview(tx, postId, expectedVersion);
    const before = await postReaderState(tx, postId);
    if (changes) {
      const returned = await returnChangesToAuthor(tx, actor, changes, note, decision.changesAction);
      return { result: returned, effect: postReaderEffect(before, await postReaderState(tx, postId), { contentChanged: false }) };
    }
    const post = await lockPostInReview(tx, postId, expectedVersion);
    const updated = await tx.post.update({ where: { id: post.id }, data: { status, reviewNote: note, reviewedById: actor.id, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision.action,
      targetType: "post",
      targetId: post.id,
      changes: { status: { from: post.status, to: status }, reviewNote: { from: post.reviewNote, to: note } },
    });
    return { result: updated, effect: postReaderEffect(before, await postReaderState(tx, post.id), { contentChanged: false }) };
  });
}
