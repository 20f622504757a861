"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/use-case-adapters";
import { moderateComments, type CommentDecision } from "@/lib/comments/moderate-comments";
import { dismissReports } from "@/lib/reports/dismiss-reports";

const DONE: Record<CommentDecision, string> = { approve: "Approved", reject: "Rejected", spam: "Marked as spam", delete: "Deleted" };
const after = () => revalidatePath("/admin/comments");

export const moderateCommentsAction = formAction(moderateComments, {
  after,
  message: ({ count, decision }) => ({ message: `${DONE[decision]} ${count} comment${count === 1 ? "" : "s"}.` }),
});

/** The moderation list's "Dismiss reports" sends the comment's id. */
export const dismissCommentReportsAction = formAction(dismissReports, {
  after,
  fromForm: ({ commentId }) => ({ commentId }),
  message: ({ count }) => ({ message: `Dismissed ${count} report${count === 1 ? "" : "s"}.` }),
});
