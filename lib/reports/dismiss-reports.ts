import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";

export const dismissReportsInput = z
  .object({ postId: z.string().min(1).optional(), commentId: z.string().min(1).optional() })
  .refine((v) => !!v.postId !== !!v.commentId, "Name an article or a comment.");

/** A moderator looked at the reports on an item and found nothing to act on. */
export async function dismissReports({ actor, input }: { actor: Actor; input: z.input<typeof dismissReportsInput> }) {
  const { postId, commentId } = parseInput(dismissReportsInput, input);
  assertCan(actor, commentId ? "comment.moderate" : "post.hide");
  return db().$transaction(async (tx) => {
    const where = { status: "OPEN" as const, ...(commentId ? { commentId } : { postId: postId! }) };
    const count = await tx.report.count({ where });
    if (count === 0) throw new AppError("CONFLICT", "There are no open reports on it.");
    await tx.report.updateMany({ where, data: { status: "RESOLVED" } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "report.dismiss",
      targetType: commentId ? "comment" : "post",
      targetId: (commentId ?? postId)!,
      changes: { openReports: { from: count, to: 0 } },
    });
    return { count };
  });
}
