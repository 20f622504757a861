import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { hitRateLimit, minutesText } from "@/lib/auth/rate-limit";
import { publicPostWhere } from "@/lib/posts/public-posts";

export const REPORT_RATE_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

export const reportContentInput = z
  .object({
    postId: z.string().min(1).optional(),
    commentId: z.string().min(1).optional(),
    reason: z.string().trim().min(3, "Tell us what is wrong.").max(1000, "Use at most 1,000 characters."),
  })
  .refine((v) => !!v.postId !== !!v.commentId, { message: "Report either an article or a comment.", path: ["form"] });

/**
 * A reader reports an article or a comment. One open report per reader and
 * item; rate limited. Only things the reader can see may be reported. A
 * report hides nothing by itself: readers see no change.
 */
export const reportContent = defineUseCase({
  id: "report.create",
  input: reportContentInput,
  permission: null, // comment.report or post.report, by what is reported
  async run(actor, { postId, commentId, reason }) {
    assertCan(actor, commentId ? "comment.report" : "post.report");
    if (commentId) {
      const comment = await db().comment.findFirst({ where: { id: commentId, status: "APPROVED", post: publicPostWhere() }, select: { id: true } });
      if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist.");
    } else {
      const post = await db().post.findFirst({ where: { id: postId!, ...publicPostWhere() }, select: { id: true } });
      if (!post) throw new AppError("NOT_FOUND", "That article does not exist.");
    }
    const existing = await db().report.findFirst({
      where: { reporterId: actor.id, status: "OPEN", ...(commentId ? { commentId } : { postId: postId! }) },
      select: { id: true },
    });
    if (existing) return unseen(existing);
    const limit = await hitRateLimit(`report:user:${actor.id}`, REPORT_RATE_LIMIT.limit, REPORT_RATE_LIMIT.windowSeconds);
    if (!limit.allowed) throw new AppError("RATE_LIMITED", `Too many reports. Try again in ${minutesText(limit.retryAfterSeconds)}.`);
    return unseen(
      await db().report.create({
        data: { reporterId: actor.id, reason, ...(commentId ? { commentId } : { postId: postId! }) },
        select: { id: true },
      }),
    );
  },
});
