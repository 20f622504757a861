import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase } from "@/lib/use-case";
import { isVisibleToReaders, NO_EFFECT, readerEffect } from "@/lib/cache/reader-effect";
import { formList } from "@/lib/validation/form-fields";
import { recordAudit } from "@/lib/audit/record";
import type { CommentStatus } from "@/generated/prisma/enums";

export const COMMENT_DECISIONS = ["approve", "reject", "spam", "delete"] as const;
export type CommentDecision = (typeof COMMENT_DECISIONS)[number];

const STATUS_FOR: Record<Exclude<CommentDecision, "delete">, CommentStatus> = { approve: "APPROVED", reject: "REJECTED", spam: "SPAM" };

/** The moderation list sends one `commentIds` field per selected comment. */
export const moderateCommentsInput = z.object({
  commentIds: formList.pipe(z.array(z.string().min(1)).min(1, "Select at least one comment.").max(200, "Select at most 200 comments at once.")),
  decision: z.enum(COMMENT_DECISIONS, { message: "Choose what to do." }),
});

/** What readers see under an article: approved comments by active accounts (lib/comments/list-comments.ts), on a live article. */
const shownToReaders = (status: CommentStatus | null, comment: { author: { status: string }; post: { status: string; publishedAt: Date | null; hiddenAt: Date | null } }) =>
  status === "APPROVED" && comment.author.status === "ACTIVE" && isVisibleToReaders(comment.post);

/**
 * Approve, reject, mark as spam or delete one or many comments, in one
 * transaction with one audit row per comment. Open reports on a decided
 * comment are resolved (a moderator has looked at it). Readers: the articles
 * where a comment appeared or disappeared (a pending one was never public).
 */
export const moderateComments = defineUseCase({
  id: "comment.moderate",
  input: moderateCommentsInput,
  permission: "comment.moderate",
  async run(actor, { commentIds, decision }) {
    const ids = [...new Set(commentIds)];
    return db().$transaction(async (tx) => {
      const comments = await tx.comment.findMany({
        where: { id: { in: ids } },
        include: { author: { select: { status: true } }, post: { select: { status: true, publishedAt: true, hiddenAt: true } } },
      });
      if (comments.length === 0) throw new AppError("NOT_FOUND", "Those comments no longer exist.");
      const changedPosts = new Set<string>();
      for (const comment of comments) {
        const status = decision === "delete" ? null : STATUS_FOR[decision];
        if (shownToReaders(comment.status, comment) !== shownToReaders(status, comment)) changedPosts.add(comment.postId);
        if (status === null) {
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
      return { result: { count: comments.length, decision }, effect: changedPosts.size ? readerEffect({ posts: [...changedPosts] }) : NO_EFFECT };
    });
  },
});
