import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { recordAudit } from "@/lib/audit/record";
import { findWorkingCopy, hasLiveVersion } from "@/lib/posts/working-copy";

export const submitForReviewInput = z.object({ postId: z.string().min(1) });

/**
 * Draft or rejected → in review. Clears the previous editor's note. On a
 * published post (a contributor's changes to it) the post stays live and its
 * working copy is flagged for review; approving it makes it live.
 */
export const submitForReview = defineUseCase({
  id: "post.submit",
  input: submitForReviewInput,
  permission: null, // canOnPost(actor, "submit", post)
  // Readers see nothing of a submission: a live post stays as it is until its changes are approved.
  async run(actor, { postId }) {
    return db().$transaction(async (tx) => {
      const post = await tx.post.findUnique({ where: { id: postId } });
      if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
      assertCanOnPost(actor, "submit", post);
      if (!post.title.trim()) throw new AppError("INVALID", "Add a title before submitting.", { title: ["Enter a title."] });
      if (hasLiveVersion(post)) {
        const copy = await findWorkingCopy(tx, post);
        if (!copy) throw new AppError("INVALID", "There are no changes to submit: edit the post first.");
        await tx.postWorkingCopy.update({ where: { postId: post.id }, data: { submittedAt: new Date(), reviewNote: null } });
        // The version moves on, so an editor deciding on what they saw cannot miss a later change.
        const updated = await tx.post.update({ where: { id: post.id }, data: { version: { increment: 1 }, updatedAt: post.updatedAt } });
        await recordAudit(tx, { actorId: actor.id, action: "post.submitChanges", targetType: "post", targetId: post.id, changes: { submittedAt: { from: copy.submittedAt?.toISOString() ?? null, to: new Date().toISOString() } } });
        return unseen(updated);
      }
      const updated = await tx.post.update({
        where: { id: post.id },
        data: { status: "IN_REVIEW", submittedAt: new Date(), reviewNote: null, version: { increment: 1 } },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "post.submit",
        targetType: "post",
        targetId: post.id,
        changes: { status: { from: post.status, to: "IN_REVIEW" } },
      });
      return unseen(updated);
    });
  },
});
