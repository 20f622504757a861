import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
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
 * item; rate limited. Only things the reader can see may be reported.
 */
export async function reportContent({ actor, input }: { actor: Actor; input: z.input<typeof reportContentInput> }) {
  const parsed = reportContentInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Please correct the report.", fieldErrorsFromZod(parsed.error.issues));
  const { postId, commentId, reason } = parsed.data;
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
  if (existing) return existing;
  const limit = await hitRateLimit(`report:user:${actor.id}`, REPORT_RATE_LIMIT.limit, REPORT_RATE_LIMIT.windowSeconds);
  if (!limit.allowed) throw new AppError("RATE_LIMITED", `Too many reports. Try again in ${minutesText(limit.retryAfterSeconds)}.`);
  return db().report.create({
    data: { reporterId: actor.id, reason, ...(commentId ? { commentId } : { postId: postId! }) },
    select: { id: true },
  });
}
