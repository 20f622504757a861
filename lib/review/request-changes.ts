import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { recordAudit } from "@/lib/audit/record";
import { lockChangesInReview, lockPostInReview, returnChangesToAuthor } from "@/lib/review/load-post-for-review";

export const requestChangesInput = z.object({
  postId: z.string().min(1),
  note: z.string().trim().min(1, "Tell the author what to change.").max(2000, "Use at most 2,000 characters."),
  expectedVersion: z.coerce.number().int().optional(),
});

/**
 * In review → draft, with a note the author sees in My Posts and on the post.
 * Readers see nothing of it: the post was not public, or (submitted changes
 * to a live post) its live version stays as it was.
 */
export const requestChanges = defineUseCase({
  id: "review.requestChanges",
  input: requestChangesInput,
  permission: "review.access",
  async run(actor, { postId, note, expectedVersion }) {
    return db().$transaction(async (tx) => {
      // Changes to a published post go back to their author with the note; the live version stays as it is.
      const changes = await lockChangesInReview(tx, postId, expectedVersion);
      const before = await postReaderState(tx, postId);
      if (changes) {
        const returned = await returnChangesToAuthor(tx, actor, changes, note, "post.requestChangesChanges");
        return { result: returned, effect: postReaderEffect(before, await postReaderState(tx, postId), { contentChanged: false }) };
      }
      const post = await lockPostInReview(tx, postId, expectedVersion);
      const updated = await tx.post.update({
        where: { id: post.id },
        data: { status: "DRAFT", reviewNote: note, reviewedById: actor.id, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "post.requestChanges",
        targetType: "post",
        targetId: post.id,
        changes: { status: { from: post.status, to: "DRAFT" }, reviewNote: { from: post.reviewNote, to: note } },
      });
      return { result: updated, effect: postReaderEffect(before, await postReaderState(tx, post.id), { contentChanged: false }) };
    });
  },
});
