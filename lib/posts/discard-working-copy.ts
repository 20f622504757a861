import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { recordAudit } from "@/lib/audit/record";
import { conflictError } from "@/lib/posts/conflict";
import { lockPost } from "@/lib/posts/editorial/lock-post";
import { findWorkingCopy } from "@/lib/posts/working-copy";

export const discardWorkingCopyInput = z.object({
  postId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
});

/**
 * "Discard changes": drops a published post's working copy; the editor shows
 * the live version again. Readers saw nothing of it, so nothing is expired.
 * The version moves on, so another tab still holding the copy gets a conflict
 * instead of silently starting a new one.
 */
export const discardWorkingCopy = defineUseCase({
  id: "post.discardChanges",
  input: discardWorkingCopyInput,
  permission: null, // canOnPost(actor, "discard", post)
  async run(actor, { postId, expectedVersion }) {
    return db().$transaction(async (tx) => {
      const post = await lockPost(tx, postId);
      assertCanOnPost(actor, "discard", post);
      if (post.version !== expectedVersion) throw await conflictError(tx, post.id);
      const copy = await findWorkingCopy(tx, post);
      if (!copy) return unseen({ post, discarded: false });
      await tx.postWorkingCopy.delete({ where: { postId: post.id } });
      const updated = await tx.post.update({ where: { id: post.id }, data: { version: { increment: 1 }, updatedAt: post.updatedAt } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "post.discardChanges",
        targetType: "post",
        targetId: post.id,
        changes: { title: { from: copy.title, to: post.title }, ...(copy.body !== post.body ? { body: { from: `${copy.body.length} characters`, to: `${post.body.length} characters` } } : {}) },
      });
      return unseen({ post: updated, discarded: true });
    });
  },
});
