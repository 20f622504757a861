import "server-only";
import { z } from "zod";
import { defineUseCase } from "@/lib/use-case";
import { sendBackToAuthor } from "@/lib/review/load-post-for-review";

export const requestChangesInput = z.object({
  postId: z.string().min(1),
  note: z.string().trim().min(1, "Tell the author what to change.").max(2000, "Use at most 2,000 characters."),
  expectedVersion: z.coerce.number().int().optional(),
});

/**
 * In review → draft, with a note the author sees in My Posts and on the post.
 * Readers see nothing of it: the post was not public, or (submitted changes
 * to a live post) its live version stays as it was.
 */
export const requestChanges = defineUseCase({
  id: "review.requestChanges",
  input: requestChangesInput,
  permission: "review.access",
  async run(actor, { postId, note, expectedVersion }) {
    return sendBackToAuthor(actor, { postId, expectedVersion, note, status: "DRAFT", action: "post.requestChanges", changesAction: "post.requestChangesChanges" });
  },
});
