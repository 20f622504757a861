import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { keepEditorialRevision, lockPost } from "@/lib/posts/editorial/lock-post";

export const unpublishInput = z.object({ postId: z.string().min(1) });

/** Published (or scheduled) → draft. Readers stop seeing it at once. */
export async function unpublishPost({ actor, input }: { actor: Actor; input: z.input<typeof unpublishInput> }) {
  const { postId } = parseInput(unpublishInput, input);
  return db().$transaction(async (tx) => {
    const post = await lockPost(tx, postId);
    assertCanOnPost(actor, "unpublish", post);
    if (post.status !== "PUBLISHED") throw new AppError("CONFLICT", "Only a published or scheduled post can be unpublished.");
    const updated = await tx.post.update({ where: { id: post.id }, data: { status: "DRAFT", publishedAt: null, featured: false, version: { increment: 1 } } });
    await keepEditorialRevision(tx, actor, post, updated.version, "unpublish");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "post.unpublish",
      targetType: "post",
      targetId: post.id,
      changes: {
        status: { from: post.status, to: "DRAFT" },
        publishedAt: { from: post.publishedAt?.toISOString() ?? null, to: null },
        ...(post.featured ? { featured: { from: true, to: false } } : {}),
      },
    });
    return updated;
  });
}
