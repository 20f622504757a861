import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { recordAudit } from "@/lib/audit/record";

export const dismissReportsInput = z
  .object({ postId: z.string().min(1).optional(), commentId: z.string().min(1).optional() })
  .refine((v) => !!v.postId !== !!v.commentId, { message: "Name an article or a comment.", path: ["form"] });

/**
 * A moderator looked at the reports on an item and found nothing to act on.
 * Reports are never shown to readers: nothing they see changes.
 */
export const dismissReports = defineUseCase({
  id: "report.dismiss",
  input: dismissReportsInput,
  permission: null, // comment.moderate for a comment's reports, post.hide for an article's
  async run(actor, { postId, commentId }) {
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
      return unseen({ count });
    });
  },
});
