import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { recordAudit } from "@/lib/audit/record";
import { lockChangesInReview, lockPostInReview, returnChangesToAuthor } from "@/lib/review/load-post-for-review";

export const rejectPostInput = z.object({
  postId: z.string().min(1),
  reason: z.string().trim().min(1, "Give the author a reason.").max(2000, "Use at most 2,000 characters."),
  expectedVersion: z.coerce.number().int().optional(),
});

/**
 * In review → rejected, with the reason the author sees. The author may
 * revise and resubmit. Readers see nothing of it: the post was not public, or
 * (submitted changes to a live post) its live version stays as it was.
 */
export const rejectPost = defineUseCase({
  id: "review.reject",
  input: rejectPostInput,
  permission: "review.access",
  async run(actor, { postId, reason, expectedVersion }) {
    return db().$transaction(async (tx) => {
      // Changes to a published post go back to their author with the note; the live version stays as it is.
      const changes = await lockChangesInReview(tx, postId, expectedVersion);
      const before = await postReaderState(tx, postId);
      if (changes) {
        const returned = await returnChangesToAuthor(tx, actor, changes, reason, "post.rejectChanges");
        return { result: returned, effect: postReaderEffect(before, await postReaderState(tx, postId), { contentChanged: false }) };
      }
      const post = await lockPostInReview(tx, postId, expectedVersion);
      const updated = await tx.post.update({
        where: { id: post.id },
        data: { status: "REJECTED", reviewNote: reason, reviewedById: actor.id, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "post.reject",
        targetType: "post",
        targetId: post.id,
        changes: { status: { from: post.status, to: "REJECTED" }, reviewNote: { from: post.reviewNote, to: reason } },
      });
      return { result: updated, effect: postReaderEffect(before, await postReaderState(tx, post.id), { contentChanged: false }) };
    });
  },
});
