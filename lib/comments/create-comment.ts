import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/authz/permissions";
import { defineUseCase } from "@/lib/use-case";
import { NO_EFFECT, readerEffect } from "@/lib/cache/reader-effect";
import { hitRateLimit, minutesText } from "@/lib/auth/rate-limit";
import { publicPostWhere } from "@/lib/posts/public-posts";

export const COMMENT_MIN_LENGTH = 2;
export const COMMENT_MAX_LENGTH = 3000;
export const COMMENT_RATE_LIMIT = { limit: 5, windowSeconds: 10 * 60 };

export const createCommentInput = z.object({
  postId: z.string().min(1),
  body: z
    .string()
    // Control characters other than newlines and tabs are never meaningful in a comment.
    .transform((s) => s.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").trim())
    .pipe(
      z
        .string()
        .min(COMMENT_MIN_LENGTH, "Write a comment first.")
        .max(COMMENT_MAX_LENGTH, `Keep comments under ${COMMENT_MAX_LENGTH.toLocaleString("en-GB")} characters.`),
    ),
});

/**
 * A signed-in reader comments on a published article. Held for moderation
 * (PENDING) until the commenter has one approved comment; moderators' own
 * comments are approved at once. Rate limited per user. Readers see an
 * approved comment under the article at once; a pending one only its author
 * and the moderators see (per request, never in the cached page).
 */
export const createComment = defineUseCase({
  id: "comment.create",
  input: createCommentInput,
  permission: "comment.create",
  async run(actor, { postId, body }) {
    const post = await db().post.findFirst({ where: { id: postId, ...publicPostWhere() }, select: { id: true } });
    if (!post) throw new AppError("NOT_FOUND", "That article does not exist or is not open for comments.");
    const limit = await hitRateLimit(`comment:user:${actor.id}`, COMMENT_RATE_LIMIT.limit, COMMENT_RATE_LIMIT.windowSeconds);
    if (!limit.allowed) throw new AppError("RATE_LIMITED", `You are commenting too quickly. Try again in ${minutesText(limit.retryAfterSeconds)}.`);
    const trusted = can(actor, "comment.moderate") || (await db().comment.count({ where: { authorId: actor.id, status: "APPROVED" }, take: 1 })) > 0;
    const comment = await db().comment.create({
      data: { postId: post.id, authorId: actor.id, body, status: trusted ? "APPROVED" : "PENDING" },
    });
    return { result: { comment }, effect: comment.status === "APPROVED" ? readerEffect({ posts: [post.id] }) : NO_EFFECT };
  },
});
