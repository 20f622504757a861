import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, canOnMedia, canOnPost, type Actor, type PostAction } from "@/lib/authz/permissions";
import { mediaUrl } from "@/lib/media/image-url";

export const getPostForEditInput = z.object({ postId: z.string().min(1).max(64) });

export type PostPermissions = Record<PostAction, boolean>;

/**
 * A post as the editor needs it, plus what the actor may do with it. Someone
 * else's post is NOT_FOUND unless the actor may see any post.
 */
export async function getPostForEdit({ actor, input }: { actor: Actor; input: z.input<typeof getPostForEditInput> }) {
  const parsed = getPostForEditInput.safeParse(input);
  if (!parsed.success) throw new AppError("NOT_FOUND", "That post does not exist.");
  const post = await db().post.findUnique({
    where: { id: parsed.data.postId },
    include: {
      author: { select: { displayName: true, username: true } },
      category: { select: { id: true, name: true, slug: true } },
      coverMedia: { select: { id: true, storageKey: true, width: true, height: true, altText: true, caption: true, credit: true, uploaderId: true } },
      tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { tag: { name: "asc" } } },
    },
  });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  assertCanOnPost(actor, "view", post);
  const permissions = Object.fromEntries(
    (["view", "edit", "submit", "publish", "unpublish", "delete"] as const).map((a) => [a, canOnPost(actor, a, post)]),
  ) as PostPermissions;
  // Who uploaded the cover stays on the server; the editor only learns whether it may change the details.
  let cover = null;
  if (post.coverMedia) {
    const { uploaderId, ...media } = post.coverMedia;
    cover = { ...media, url: mediaUrl(media.storageKey), detailsEditable: canOnMedia(actor, "editDetails", { uploaderId }) };
  }
  return {
    id: post.id,
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    body: post.body,
    status: post.status,
    publishedAt: post.publishedAt,
    updatedAt: post.updatedAt,
    version: post.version,
    reviewNote: post.reviewNote,
    hiddenAt: post.hiddenAt,
    authorId: post.authorId,
    author: post.author,
    category: post.category,
    categoryId: post.categoryId,
    cover,
    tags: post.tags.map((t) => t.tag),
    permissions,
  };
}

export type PostForEdit = Awaited<ReturnType<typeof getPostForEdit>>;
