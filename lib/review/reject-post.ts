import "server-only";
import { z } from "zod";
import { defineUseCase } from "@/lib/use-case";
import { sendBackToAuthor } from "@/lib/review/load-post-for-review";

export const rejectPostInput = z.object({
  postId: z.string().min(1),
  reason: z.string().trim().min(1, "Give the author a reason.").max(2000, "Use at most 2,000 characters."),
  expectedVersion: z.coerce.number().int().optional(),
});

/**
 * In review → rejected, with the reason the author sees. The author may
 * revise and resubmit. Readers see nothing of it: the post was not public, or
 * (submitted changes to a live post) its live version stays as it was.
 */
export const rejectPost = defineUseCase({
  id: "review.reject",
  input: rejectPostInput,
  permission: "review.access",
  async run(actor, { postId, reason, expectedVersion }) {
    return sendBackToAuthor(actor, { postId, expectedVersion, note: reason, status: "REJECTED", action: "post.reject", changesAction: "post.rejectChanges" });
  },
});
