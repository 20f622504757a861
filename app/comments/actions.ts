"use server";

import { formAction } from "@/lib/actions/use-case-adapters";
import { createComment } from "@/lib/comments/create-comment";
import { reportContent } from "@/lib/reports/report-content";

/** Server actions behind components/comments (mounted on the article page). */
export const postCommentAction = formAction(createComment, {
  message: ({ comment }) => ({
    message:
      comment.status === "APPROVED"
        ? "Your comment is published."
        : "Thanks! Your comment is awaiting moderation; only you and the editors can see it until it is approved.",
  }),
});

export const reportAction = formAction(reportContent, { message: "Thanks, the editors will look at it." });
