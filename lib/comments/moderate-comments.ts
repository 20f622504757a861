import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import type { CommentStatus } from "@/generated/prisma/enums";

export const COMMENT_DECISIONS = ["approve", "reject", "spam", "delete"] as const;
export type CommentDecision = (typeof COMMENT_DECISIONS)[number];

const STATUS_FOR: Record<Exclude<CommentDecision, "delete">, CommentStatus> = { approve: "APPROVED", reject: "REJECTED", spam: "SPAM" };

export const moderateCommentsInput = z.object({
  commentIds: z.array(z.string().min(1)).min(1, "Select at least one comment.").max(200, "Select at most 200 comments at once."),
  decision: z.enum(COMMENT_DECISIONS),
});

/**
 * Approve, reject, mark as spam or delete one or many comments, in one
 * transaction with one audit row per comment. Open reports on a decided
 * comment are resolved (a moderator has looked at it).
 */
export async function moderateComments({ actor, input }: { actor: Actor; input: z.input<typeof moderateCommentsInput> }) {
  assertCan(actor, "comment.moderate");
  const parsed = moderateCommentsInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", parsed.error.issues[0]?.message ?? "Select at least one comment.");
  const { commentIds, decision } = parsed.data;
  const ids = [...new Set(commentIds)];
  return db().$transaction(async (tx) => {
    const comments = await tx.comment.findMany({ where: { id: { in: ids } }, include: { post: { select: { slug: true } } } });
    if (comments.length === 0) throw new AppError("NOT_FOUND", "Those comments no longer exist.");
    for (const comment of comments) {
      if (decision === "delete") {
        await tx.comment.delete({ where: { id: comment.id } });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "comment.delete",
          targetType: "comment",
          targetId: comment.id,
          changes: { status: { from: comment.status, to: null }, body: { from: comment.body, to: null } },
        });
        continue;
      }
      const status = STATUS_FOR[decision];
      await tx.report.updateMany({ where: { commentId: comment.id, status: "OPEN" }, data: { status: "RESOLVED" } });
      if (comment.status === status) continue;
      await tx.comment.update({ where: { id: comment.id }, data: { status } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: `comment.${decision}`,
        targetType: "comment",
        targetId: comment.id,
        changes: { status: { from: comment.status, to: status } },
      });
    }
    return { count: comments.length, postSlugs: [...new Set(comments.map((c) => c.post.slug))] };
  });
}
