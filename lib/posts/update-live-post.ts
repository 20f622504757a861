import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, type Actor } from "@/lib/authz/permissions";
import { parseInput } from "@/lib/validation/parse-input";
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
 * changes). The caller expires the public pages when `changed`.
 */
export async function updateLivePost({ actor, input }: { actor: Actor; input: z.input<typeof updateLivePostInput> }) {
  const { postId, expectedVersion } = parseInput(updateLivePostInput, input);
  return db().$transaction(async (tx) => {
    const post = await lockPost(tx, postId);
    assertCanOnPost(actor, "update", post);
    if (!hasLiveVersion(post)) throw new AppError("CONFLICT", "This post is not published; publish it instead.");
    if (post.version !== expectedVersion) throw await conflictError(tx, post.id);
    const promoted = await promoteWorkingCopy(tx, actor, post);
    const after = promoted?.post ?? post;
    const author = await tx.user.findUniqueOrThrow({ where: { id: post.authorId }, select: { username: true } });
    const category = after.categoryId ? await tx.category.findUnique({ where: { id: after.categoryId }, select: { slug: true } }) : null;
    return {
      post: after,
      changed: promoted?.changed ?? false,
      previousSlug: promoted?.previousSlug ?? null,
      tagSlugs: promoted?.tagSlugs ?? [],
      authorUsername: author.username,
      categorySlug: category?.slug ?? null,
    };
  });
}
