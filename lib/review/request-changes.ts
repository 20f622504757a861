import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { lockChangesInReview, lockPostInReview, returnChangesToAuthor } from "@/lib/review/load-post-for-review";

export const requestChangesInput = z.object({
  postId: z.string().min(1),
  note: z.string().trim().min(1, "Tell the author what to change.").max(2000, "Use at most 2,000 characters."),
  expectedVersion: z.coerce.number().int().optional(),
});

/** In review → draft, with a note the author sees in My Posts and on the post. */
export async function requestChanges({ actor, input }: { actor: Actor; input: z.input<typeof requestChangesInput> }) {
  assertCan(actor, "review.access");
  const { postId, note, expectedVersion } = parseInput(requestChangesInput, input);
  return db().$transaction(async (tx) => {
    // Changes to a published post go back to their author with the note; the live version stays as it is.
    const changes = await lockChangesInReview(tx, postId, expectedVersion);
    if (changes) return returnChangesToAuthor(tx, actor, changes, note, "post.requestChangesChanges");
    const post = await lockPostInReview(tx, postId, expectedVersion);
    const updated = await tx.post.update({
      where: { id: post.id },
      data: { status: "DRAFT", reviewNote: note, reviewedById: actor.id, version: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "post.requestChanges",
      targetType: "post",
      targetId: post.id,
      changes: { status: { from: post.status, to: "DRAFT" }, reviewNote: { from: post.reviewNote, to: note } },
    });
    return updated;
  });
}
