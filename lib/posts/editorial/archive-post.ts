import "server-only";
import { z } from "zod";
import { defineUseCase } from "@/lib/use-case";
import { postReaderState } from "@/lib/posts/reader-state";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { applyEditorialChange, lockPost } from "@/lib/posts/editorial/lock-post";
import { foldWorkingCopy } from "@/lib/posts/working-copy";

export const archiveInput = z.object({ postId: z.string().min(1) });

/** Any post → archived: kept for the record, gone from every public page. */
export const archivePost = defineUseCase({
  id: "post.archive",
  input: archiveInput,
  permission: null,
  async run(actor, { postId }) {
    return db().$transaction(async (tx) => {
      // Before the working copy is folded in: the lists the live version is on.
      const before = await postReaderState(tx, postId);
      // No working copy outlives the live version: its changes become the archived text.
      await foldWorkingCopy(tx, actor, postId, "unpublish");
      const post = await lockPost(tx, postId);
      assertCanOnPost(actor, "unpublish", post);
      if (post.status === "ARCHIVED") throw new AppError("CONFLICT", "This post is already archived.");
      return applyEditorialChange(tx, actor, post, "archive", { status: "ARCHIVED", featured: false }, before);
    });
  },
});
