import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { publishPost } from "@/lib/posts/publish-post";
import { lockChangesInReview, lockPostInReview } from "@/lib/review/load-post-for-review";
import { promoteWorkingCopy } from "@/lib/posts/working-copy";

export const approvePostInput = z.object({
  postId: z.string().min(1),
  /** A future date schedules the post; absent publishes now. */
  publishAt: z.coerce.date().optional(),
  expectedVersion: z.coerce.number().int().optional(),
});

/**
 * In review → published (now or scheduled), through publishPost, in one
 * transaction with the approval's audit row. Submitted changes to a published
 * post go live instead (its working copy is promoted; the date stays).
 */
export async function approvePost({ actor, input }: { actor: Actor; input: z.input<typeof approvePostInput> }) {
  assertCan(actor, "review.access");
  const { postId, publishAt, expectedVersion } = parseInput(approvePostInput, input);
  if (publishAt && Number.isNaN(publishAt.getTime())) throw new AppError("INVALID", "Enter a valid date.", { publishAt: ["Enter a valid date."] });
  // Approving never backdates: a past time would publish at once under a false date.
  if (publishAt && publishAt.getTime() <= Date.now()) {
    throw new AppError("INVALID", "Choose a time in the future, or leave it empty to publish now.", { publishAt: ["Choose a time in the future, or leave it empty to publish now."] });
  }
  return db().$transaction(async (tx) => {
    const changes = await lockChangesInReview(tx, postId, expectedVersion);
    if (changes) {
      const promoted = await promoteWorkingCopy(tx, actor, changes.post);
      const updated = await tx.post.update({ where: { id: postId }, data: { reviewedById: actor.id, updatedAt: promoted!.post.updatedAt } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "post.approveChanges",
        targetType: "post",
        targetId: postId,
        changes: { submittedAt: { from: changes.copy.submittedAt?.toISOString() ?? null, to: null }, reviewedBy: { from: changes.post.reviewedById, to: actor.id } },
      });
      return { ...updated, approvedChanges: true };
    }
    const post = await lockPostInReview(tx, postId, expectedVersion);
    await tx.post.update({ where: { id: post.id }, data: { reviewedById: actor.id } });
    const published = await publishPost({ actor, input: { postId: post.id, publishAt } }, tx);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "post.approve",
      targetType: "post",
      targetId: post.id,
      changes: {
        status: { from: post.status, to: published.status },
        publishedAt: { from: post.publishedAt?.toISOString() ?? null, to: published.publishedAt?.toISOString() ?? null },
        reviewedBy: { from: post.reviewedById, to: actor.id },
      },
    });
    return { ...published, approvedChanges: false };
  });
}
