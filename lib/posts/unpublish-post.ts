import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { conflictError } from "@/lib/posts/conflict";

export const unpublishInput = z.object({ postId: z.string().min(1), expectedVersion: z.number().int().optional() });

/** Published or scheduled → draft. Readers get a 404 from then on. */
export async function unpublishPost({ actor, input }: { actor: Actor; input: z.input<typeof unpublishInput> }) {
  const { postId, expectedVersion } = unpublishInput.parse(input);
  return db().$transaction(async (tx) => {
    const post = await tx.post.findUnique({ where: { id: postId } });
    if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
    assertCanOnPost(actor, "unpublish", post);
    if (post.status !== "PUBLISHED") throw new AppError("INVALID", "Only a published or scheduled post can be unpublished.");
    if (expectedVersion !== undefined && expectedVersion !== post.version) throw await conflictError(tx, post.id);
    const written = await tx.post.updateMany({
      where: { id: post.id, version: post.version },
      data: { status: "DRAFT", publishedAt: null, version: { increment: 1 } },
    });
    if (written.count !== 1) throw await conflictError(tx, post.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "post.unpublish",
      targetType: "post",
      targetId: post.id,
      changes: { status: { from: post.status, to: "DRAFT" }, publishedAt: { from: post.publishedAt?.toISOString() ?? null, to: null } },
    });
    return tx.post.findUniqueOrThrow({ where: { id: post.id }, include: { author: { select: { username: true } }, tags: { select: { tag: { select: { slug: true } } } }, category: { select: { slug: true } } } });
  });
}
