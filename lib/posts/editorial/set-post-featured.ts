import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { keepEditorialRevision, lockPost } from "@/lib/posts/editorial/lock-post";

export const setFeaturedInput = z.object({ postId: z.string().min(1), featured: z.boolean() });

/** Features a published post on the home page, or stops featuring it. */
export async function setPostFeatured({ actor, input }: { actor: Actor; input: z.input<typeof setFeaturedInput> }) {
  assertCan(actor, "post.feature");
  const { postId, featured } = parseInput(setFeaturedInput, input);
  return db().$transaction(async (tx) => {
    const post = await lockPost(tx, postId);
    if (featured && post.status !== "PUBLISHED") throw new AppError("CONFLICT", "Only a published post can be featured.");
    if (post.featured === featured) return post;
    const updated = await tx.post.update({ where: { id: post.id }, data: { featured, version: { increment: 1 } } });
    await keepEditorialRevision(tx, actor, post, updated.version, featured ? "feature" : "unfeature");
    await recordAudit(tx, {
      actorId: actor.id,
      action: featured ? "post.feature" : "post.unfeature",
      targetType: "post",
      targetId: post.id,
      changes: { featured: { from: post.featured, to: featured } },
    });
    return updated;
  });
}
