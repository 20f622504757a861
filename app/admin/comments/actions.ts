"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { formAction, formList } from "@/lib/actions/form-action";
import { COMMENT_DECISIONS, moderateComments } from "@/lib/comments/moderate-comments";
import { dismissReports } from "@/lib/reports/dismiss-reports";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

const DONE: Record<(typeof COMMENT_DECISIONS)[number], string> = { approve: "Approved", reject: "Rejected", spam: "Marked as spam", delete: "Deleted" };

export const moderateCommentsAction = formAction(
  { permission: "comment.moderate", schema: z.object({ commentIds: formList, decision: z.enum(COMMENT_DECISIONS, { message: "Choose what to do." }) }) },
  async (actor, input) => {
    const { count, postSlugs } = await moderateComments({ actor, input });
    revalidatePublicContent({ postSlugs });
    revalidatePath("/admin/comments");
    return { message: `${DONE[input.decision]} ${count} comment${count === 1 ? "" : "s"}.` };
  },
);

export const dismissCommentReportsAction = formAction(
  { permission: "comment.moderate", schema: z.object({ commentId: z.string().min(1) }) },
  async (actor, input) => {
    const { count } = await dismissReports({ actor, input: { commentId: input.commentId } });
    revalidatePath("/admin/comments");
    return { message: `Dismissed ${count} report${count === 1 ? "" : "s"}.` };
  },
);
