import "server-only";
import { z } from "zod";
import { booleanField } from "@/lib/validation/form-fields";
import { defineUseCase, unseen } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record";
import { keepEditorialRevision, lockPost } from "@/lib/posts/editorial/lock-post";

export const setHiddenInput = z.object({ postId: z.string().min(1), hidden: booleanField });

/**
 * Hides a post from readers pending review after a complaint (it keeps its
 * status and publish date), or clears that. Open reports on it are resolved
 * when it is cleared: the complaint was looked at.
 */
export const setPostHidden = defineUseCase({
  id: "post.hide",
  input: setHiddenInput,
  permission: "post.hide",
  async run(actor, { postId, hidden }) {
    return db().$transaction(async (tx) => {
      const post = await lockPost(tx, postId);
      const before = await postReaderState(tx, postId);
      if ((post.hiddenAt !== null) === hidden) return unseen(post);
      const hiddenAt = hidden ? new Date() : null;
      const updated = await tx.post.update({ where: { id: post.id }, data: { hiddenAt, version: { increment: 1 } } });
      await keepEditorialRevision(tx, actor, post, updated.version, hidden ? "hide" : "unhide");
      if (!hidden) await tx.report.updateMany({ where: { postId: post.id, status: "OPEN" }, data: { status: "RESOLVED" } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: hidden ? "post.hide" : "post.unhide",
        targetType: "post",
        targetId: post.id,
        changes: { hiddenAt: { from: post.hiddenAt?.toISOString() ?? null, to: hiddenAt?.toISOString() ?? null } },
      });
      return { result: updated, effect: postReaderEffect(before, await postReaderState(tx, post.id)) };
    });
  },
});
