import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { keepEditorialRevision, lockPost } from "@/lib/posts/editorial/lock-post";
import { foldWorkingCopy } from "@/lib/posts/working-copy";

export const archiveInput = z.object({ postId: z.string().min(1) });

/** Any post → archived: kept for the record, gone from every public page. */
export async function archivePost({ actor, input }: { actor: Actor; input: z.input<typeof archiveInput> }) {
  const { postId } = parseInput(archiveInput, input);
  return db().$transaction(async (tx) => {
    // No working copy outlives the live version: its changes become the archived text.
    await foldWorkingCopy(tx, actor, postId, "unpublish");
    const post = await lockPost(tx, postId);
    assertCanOnPost(actor, "unpublish", post);
    if (post.status === "ARCHIVED") throw new AppError("CONFLICT", "This post is already archived.");
    const updated = await tx.post.update({ where: { id: post.id }, data: { status: "ARCHIVED", featured: false, version: { increment: 1 } } });
    await keepEditorialRevision(tx, actor, post, updated.version, "archive");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "post.archive",
      targetType: "post",
      targetId: post.id,
      changes: { status: { from: post.status, to: "ARCHIVED" }, ...(post.featured ? { featured: { from: true, to: false } } : {}) },
    });
    return updated;
  });
}
