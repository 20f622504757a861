import "server-only";
import { z } from "zod";
import { booleanField } from "@/lib/validation/form-fields";
import { defineUseCase, unseen } from "@/lib/use-case";
import { postReaderState } from "@/lib/posts/reader-state";
import { db } from "@/lib/db";
import { applyEditorialChange, lockPost } from "@/lib/posts/editorial/lock-post";

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
      if (!hidden) await tx.report.updateMany({ where: { postId: post.id, status: "OPEN" }, data: { status: "RESOLVED" } });
      return applyEditorialChange(tx, actor, post, hidden ? "hide" : "unhide", { hiddenAt: hidden ? new Date() : null }, before);
    });
  },
});
