import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { conflictError } from "@/lib/posts/conflict";
import { lockPost } from "@/lib/posts/editorial/lock-post";
import { hasLiveVersion, promoteWorkingCopy } from "@/lib/posts/working-copy";

export const updateLivePostInput = z.object({
  postId: z.string().min(1),
  /** The version the editor last saved: "Update" goes live with exactly what the author saw. */
  expectedVersion: z.number().int().min(1),
});

/**
 * "Update": a published (or scheduled) post's working copy becomes its live
 * version in one transaction: version check, "updated" revision, audit row.
 * Nothing to promote is not an error (the author pressed Update without
 * changes, and then readers see no change).
 */
export const updateLivePost = defineUseCase({
  id: "post.update",
  input: updateLivePostInput,
  permission: null, // canOnPost(actor, "update", post)
  async run(actor, { postId, expectedVersion }) {
    return db().$transaction(async (tx) => {
      const post = await lockPost(tx, postId);
      const before = await postReaderState(tx, postId);
      assertCanOnPost(actor, "update", post);
      if (!hasLiveVersion(post)) throw new AppError("CONFLICT", "This post is not published; publish it instead.");
      if (post.version !== expectedVersion) throw await conflictError(tx, post.id);
      const promoted = await promoteWorkingCopy(tx, actor, post);
      const after = promoted?.post ?? post;
      const changed = promoted?.changed ?? false;
      return {
        result: { post: after, changed, previousSlug: promoted?.previousSlug ?? null },
        effect: postReaderEffect(before, await postReaderState(tx, post.id), { contentChanged: changed }),
      };
    });
  },
});

