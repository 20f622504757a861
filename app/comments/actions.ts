"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { createComment } from "@/lib/comments/create-comment";
import { reportContent } from "@/lib/reports/report-content";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

/** Server actions behind components/comments (mounted on the article page). */
export const postCommentAction = formAction(
  { permission: "comment.create", schema: z.object({ postId: z.string().min(1), body: z.string() }) },
  async (actor, input) => {
    const { comment, postSlug } = await createComment({ actor, input });
    if (comment.status === "APPROVED") {
      revalidatePublicContent({ postSlugs: [postSlug] });
      return { message: "Your comment is published." };
    }
    return { message: "Thanks! Your comment is awaiting moderation; only you and the editors can see it until it is approved." };
  },
);

export const reportAction = formAction(
  {
    permission: "comment.report",
    schema: z.object({ postId: z.string().min(1).optional(), commentId: z.string().min(1).optional(), reason: z.string() }),
  },
  async (actor, input) => {
    await reportContent({ actor, input });
    return { message: "Thanks, the editors will look at it." };
  },
);
