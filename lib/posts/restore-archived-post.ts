import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { recordAudit } from "@/lib/audit/record";

export const restoreArchivedInput = z.object({ postId: z.string().min(1) });

/** Archived → draft: takes a post back out of the bin. Needs the same right as deleting it. */
export const restoreArchivedPost = defineUseCase({
  id: "post.unarchive",
  input: restoreArchivedInput,
  permission: null, // canOnPost(actor, "delete", post)
  // Archived and draft are both invisible to readers.
  async run(actor, { postId }) {
    return db().$transaction(async (tx) => {
      const post = await tx.post.findUnique({ where: { id: postId } });
      if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
      assertCanOnPost(actor, "delete", post);
      if (post.status !== "ARCHIVED") throw new AppError("INVALID", "Only an archived post can be restored.");
      const updated = await tx.post.update({ where: { id: post.id }, data: { status: "DRAFT", publishedAt: null, version: { increment: 1 } } });
      await recordAudit(tx, { actorId: actor.id, action: "post.unarchive", targetType: "post", targetId: post.id, changes: { status: { from: "ARCHIVED", to: "DRAFT" } } });
      return unseen(updated);
    });
  },
});
