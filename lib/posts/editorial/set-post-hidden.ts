import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { keepEditorialRevision, lockPost } from "@/lib/posts/editorial/lock-post";

export const setHiddenInput = z.object({ postId: z.string().min(1), hidden: z.boolean() });

/**
 * Hides a post from readers pending review after a complaint (it keeps its
 * status and publish date), or clears that. Open reports on it are resolved
 * when it is cleared: the complaint was looked at.
 */
export async function setPostHidden({ actor, input }: { actor: Actor; input: z.input<typeof setHiddenInput> }) {
  assertCan(actor, "post.hide");
  const { postId, hidden } = parseInput(setHiddenInput, input);
  return db().$transaction(async (tx) => {
    const post = await lockPost(tx, postId);
    if ((post.hiddenAt !== null) === hidden) return post;
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
    return updated;
  });
}
