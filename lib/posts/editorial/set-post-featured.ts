import "server-only";
import { z } from "zod";
import { booleanField } from "@/lib/validation/form-fields";
import { defineUseCase, unseen } from "@/lib/use-case";
import { postReaderState } from "@/lib/posts/reader-state";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { applyEditorialChange, lockPost } from "@/lib/posts/editorial/lock-post";

export const setFeaturedInput = z.object({ postId: z.string().min(1), featured: booleanField });

/** Features a published post on the home page, or stops featuring it. */
export const setPostFeatured = defineUseCase({
  id: "post.feature",
  input: setFeaturedInput,
  permission: "post.feature",
  async run(actor, { postId, featured }) {
    return db().$transaction(async (tx) => {
      const post = await lockPost(tx, postId);
      const before = await postReaderState(tx, postId);
      if (featured && post.status !== "PUBLISHED") throw new AppError("CONFLICT", "Only a published post can be featured.");
      if (post.featured === featured) return unseen(post);
      return applyEditorialChange(tx, actor, post, featured ? "feature" : "unfeature", { featured }, before);
    });
  },
});
