"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/use-case-adapters";
import { approvePost } from "@/lib/review/approve-post";
import { requestChanges } from "@/lib/review/request-changes";
import { rejectPost } from "@/lib/review/reject-post";
import { formatDateTime } from "@/components/format";

const after = () => revalidatePath("/admin/review");

export const approveAction = formAction(approvePost, {
  after,
  message: (post) => {
    if (post.approvedChanges) return { message: `Approved the changes to “${post.title}”; readers see them now.` };
    const scheduled = post.publishedAt && post.publishedAt > new Date();
    return { message: scheduled ? `Approved and scheduled for ${formatDateTime(post.publishedAt!)}.` : `Approved and published “${post.title}”.` };
  },
});

export const requestChangesAction = formAction(requestChanges, {
  after,
  message: (post) => ({ message: `Sent “${post.title}” back to its author with your note.` }),
});

export const rejectAction = formAction(rejectPost, {
  after,
  message: (post) => ({ message: `Rejected “${post.title}”.` }),
});
