import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase } from "@/lib/use-case";
import { postReaderState } from "@/lib/posts/reader-state";
import { conflictError } from "@/lib/posts/conflict";
import { applyEditorialChange, lockPost } from "@/lib/posts/editorial/lock-post";
import { foldWorkingCopy } from "@/lib/posts/working-copy";

export const unpublishInput = z.object({ postId: z.string().min(1), expectedVersion: z.number().int().optional() });

/**
 * Published or scheduled → draft, by its author (from the editor) or an editor
 * (from /admin/posts). Readers get a 404 from then on. The row is locked, so two
 * people unpublishing at once see the first one's result; an editor's change
 * to someone else's post keeps a revision. Unpublished changes become the
 * draft's text (as when edits went straight into the post).
 */
export const unpublishPost = defineUseCase({
  id: "post.unpublish",
  input: unpublishInput,
  permission: null, // canOnPost(actor, "unpublish", post)
  async run(actor, { postId, expectedVersion }) {
    return db().$transaction(async (tx) => {
      const before = await postReaderState(tx, postId);
      await foldWorkingCopy(tx, actor, postId, "unpublish", expectedVersion);
      const post = await lockPost(tx, postId);
      assertCanOnPost(actor, "unpublish", post);
      if (post.status !== "PUBLISHED") throw new AppError("CONFLICT", "Only a published or scheduled post can be unpublished.");
      if (expectedVersion !== undefined && expectedVersion !== post.version) throw await conflictError(tx, post.id);
      return applyEditorialChange(tx, actor, post, "unpublish", { status: "DRAFT", publishedAt: null, featured: false }, before);
    });
  },
});
