"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { optionalUtcDateTime } from "@/lib/actions/utc-datetime";
import { approvePost } from "@/lib/review/approve-post";
import { requestChanges } from "@/lib/review/request-changes";
import { rejectPost } from "@/lib/review/reject-post";
import { revalidatePublicContent } from "@/lib/cache/revalidate";
import { formatDateTime } from "@/components/format";

const base = { postId: z.string().min(1), expectedVersion: z.coerce.number().int().optional() };

export const approveAction = formAction(
  { permission: "review.access", schema: z.object({ ...base, publishAt: optionalUtcDateTime }) },
  async (actor, input) => {
    const post = await approvePost({ actor, input });
    revalidatePublicContent({ postSlugs: [post.slug] });
    revalidatePath("/admin/review");
    if (post.approvedChanges) return { message: `Approved the changes to “${post.title}”; readers see them now.` };
    const scheduled = post.publishedAt && post.publishedAt > new Date();
    return { message: scheduled ? `Approved and scheduled for ${formatDateTime(post.publishedAt!)}.` : `Approved and published “${post.title}”.` };
  },
);

export const requestChangesAction = formAction(
  { permission: "review.access", schema: z.object({ ...base, note: z.string() }) },
  async (actor, input) => {
    const post = await requestChanges({ actor, input });
    revalidatePath("/admin/review");
    return { message: `Sent “${post.title}” back to its author with your note.` };
  },
);

export const rejectAction = formAction(
  { permission: "review.access", schema: z.object({ ...base, reason: z.string() }) },
  async (actor, input) => {
    const post = await rejectPost({ actor, input });
    revalidatePath("/admin/review");
    return { message: `Rejected “${post.title}”.` };
  },
);
