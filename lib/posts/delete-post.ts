import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase, type Outcome } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { recordAudit } from "@/lib/audit/record";
import { foldWorkingCopy } from "@/lib/posts/working-copy";

export const deletePostInput = z.object({ postId: z.string().min(1) });

export type DeletePostResult = {
  outcome: "archived" | "deleted";
  slug: string;
  wasPublic: boolean;
  authorUsername: string;
  categorySlug: string | null;
  tagSlugs: string[];
};

/**
 * Deleting is two steps, like a bin: the first delete moves the post to
 * ARCHIVED (hidden from readers, restorable); deleting an archived post
 * removes it and its revisions for good. Both are audited.
 */
export const deletePost = defineUseCase({
  id: "post.delete",
  input: deletePostInput,
  permission: null, // canOnPost(actor, "delete", post)
  async run(actor, { postId }): Promise<Outcome<DeletePostResult>> {
    return db().$transaction(async (tx) => {
      const before = await postReaderState(tx, postId);
      // No working copy outlives the live version: its changes become the archived text.
      await foldWorkingCopy(tx, actor, postId, "delete");
      const post = await tx.post.findUnique({
        where: { id: postId },
        include: { author: { select: { username: true } }, category: { select: { slug: true } }, tags: { select: { tag: { select: { slug: true } } } } },
      });
      if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
      assertCanOnPost(actor, "delete", post);
      const common = {
        slug: post.slug,
        wasPublic: post.status === "PUBLISHED",
        authorUsername: post.author.username,
        categorySlug: post.category?.slug ?? null,
        tagSlugs: post.tags.map((t) => t.tag.slug),
      };
      if (post.status !== "ARCHIVED") {
        await tx.post.update({ where: { id: post.id }, data: { status: "ARCHIVED", version: { increment: 1 } } });
        await recordAudit(tx, { actorId: actor.id, action: "post.archive", targetType: "post", targetId: post.id, changes: { status: { from: post.status, to: "ARCHIVED" } } });
        return { result: { outcome: "archived", ...common }, effect: postReaderEffect(before, await postReaderState(tx, post.id)) };
      }
      await tx.post.delete({ where: { id: post.id } });
      await recordAudit(tx, { actorId: actor.id, action: "post.delete", targetType: "post", targetId: post.id, changes: { title: { from: post.title, to: null }, slug: { from: post.slug, to: null } } });
      return { result: { outcome: "deleted", ...common }, effect: postReaderEffect(before, null) };
    });
  },
});
