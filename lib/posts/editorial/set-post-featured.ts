import "server-only";
import { z } from "zod";
import { booleanField } from "@/lib/validation/form-fields";
import { defineUseCase, unseen } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { keepEditorialRevision, lockPost } from "@/lib/posts/editorial/lock-post";

export const setFeaturedInput = z.object({ postId: z.string().min(1), featured: booleanField });

/** Features a published post on the home page, or stops featuring it. */
export const setPostFeatured = defineUseCase({
  id: "post.feature",
  input: setFeaturedInput,
  permission: "post.feature",
  async run(actor, { postId, featured }) {
    return db().$transaction(async (tx) => {
      const post = await lockPost(tx, postId);
      const before = await postReaderState(tx, postId);
      if (featured && post.status !== "PUBLISHED") throw new AppError("CONFLICT", "Only a published post can be featured.");
      if (post.featured === featured) return unseen(post);
      const updated = await tx.post.update({ where: { id: post.id }, data: { featured, version: { increment: 1 } } });
      await keepEditorialRevision(tx, actor, post, updated.version, featured ? "feature" : "unfeature");
      await recordAudit(tx, {
        actorId: actor.id,
        action: featured ? "post.feature" : "post.unfeature",
        targetType: "post",
        targetId: post.id,
        changes: { featured: { from: post.featured, to: featured } },
      });
      return { result: updated, effect: postReaderEffect(before, await postReaderState(tx, post.id)) };
    });
  },
});
