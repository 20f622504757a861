import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { lockChangesInReview, lockPostInReview, returnChangesToAuthor } from "@/lib/review/load-post-for-review";

export const rejectPostInput = z.object({
  postId: z.string().min(1),
  reason: z.string().trim().min(1, "Give the author a reason.").max(2000, "Use at most 2,000 characters."),
  expectedVersion: z.coerce.number().int().optional(),
});

/** In review → rejected, with the reason the author sees. The author may revise and resubmit. */
export async function rejectPost({ actor, input }: { actor: Actor; input: z.input<typeof rejectPostInput> }) {
  assertCan(actor, "review.access");
  const { postId, reason, expectedVersion } = parseInput(rejectPostInput, input);
  return db().$transaction(async (tx) => {
    // Changes to a published post go back to their author with the note; the live version stays as it is.
    const changes = await lockChangesInReview(tx, postId, expectedVersion);
    if (changes) return returnChangesToAuthor(tx, actor, changes, reason, "post.rejectChanges");
    const post = await lockPostInReview(tx, postId, expectedVersion);
    const updated = await tx.post.update({
      where: { id: post.id },
      data: { status: "REJECTED", reviewNote: reason, reviewedById: actor.id, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "post.reject",
      targetType: "post",
      targetId: post.id,
      changes: { status: { from: post.status, to: "REJECTED" }, reviewNote: { from: post.reviewNote, to: reason } },
    });
    return updated;
  });
}
