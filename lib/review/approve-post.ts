import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { optionalUtcDateTime } from "@/lib/actions/utc-datetime";
import { recordAudit } from "@/lib/audit/record";
import { publishPost } from "@/lib/posts/publish-post";
import { postReaderState } from "@/lib/posts/reader-state";
import { lockChangesInReview, lockPostInReview } from "@/lib/review/load-post-for-review";
import { promoteWorkingCopy } from "@/lib/posts/working-copy";

export const approvePostInput = z.object({
  postId: z.string().min(1),
  /** A future date schedules the post; absent publishes now. The review form sends its datetime-local value (UTC). */
  publishAt: optionalUtcDateTime,
  expectedVersion: z.coerce.number().int().optional(),
});

/**
 * In review → published (now or scheduled), through publishPost, in one
 * transaction with the approval's audit row. Submitted changes to a published
 * post go live instead (its working copy is promoted; the date stays).
 * Readers: a post published now appears (its article, address and lists); a
 * scheduled one appears when its time comes (the scheduler expires its pages);
 * approved changes change the live article.
 */
export const approvePost = defineUseCase({
  id: "review.approve",
  input: approvePostInput,
  permission: "review.access",
  async run(actor, { postId, publishAt, expectedVersion }) {
    // Approving never backdates: a past time would publish at once under a false date.
    if (publishAt && publishAt.getTime() <= Date.now()) {
      throw new AppError("INVALID", "Choose a time in the future, or leave it empty to publish now.", { publishAt: ["Choose a time in the future, or leave it empty to publish now."] });
    }
    return db().$transaction(async (tx) => {
      const changes = await lockChangesInReview(tx, postId, expectedVersion);
      if (changes) {
        const before = await postReaderState(tx, postId);
        const promoted = await promoteWorkingCopy(tx, actor, changes.post);
        const updated = await tx.post.update({ where: { id: postId }, data: { reviewedById: actor.id, updatedAt: promoted!.post.updatedAt } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "post.approveChanges",
          targetType: "post",
          targetId: postId,
          changes: { submittedAt: { from: changes.copy.submittedAt?.toISOString() ?? null, to: null }, reviewedBy: { from: changes.post.reviewedById, to: actor.id } },
        });
        return { result: { ...updated, approvedChanges: true }, effect: postReaderEffect(before, await postReaderState(tx, postId), { contentChanged: true }) };
      }
      const post = await lockPostInReview(tx, postId, expectedVersion);
      await tx.post.update({ where: { id: post.id }, data: { reviewedById: actor.id } });
      const published = await publishPost.run(actor, { postId: post.id, publishAt }, tx);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "post.approve",
        targetType: "post",
        targetId: post.id,
        changes: {
          status: { from: post.status, to: published.result.status },
          publishedAt: { from: post.publishedAt?.toISOString() ?? null, to: published.result.publishedAt?.toISOString() ?? null },
          reviewedBy: { from: post.reviewedById, to: actor.id },
        },
      });
      return { result: { ...published.result, approvedChanges: false }, effect: published.effect };
    });
  },
});
