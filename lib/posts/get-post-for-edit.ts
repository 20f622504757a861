import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, canOnMedia, canOnPost, POST_ACTIONS, type Actor, type PostAction } from "@/lib/authz/permissions";
import { mediaUrl } from "@/lib/media/image-url";

export const getPostForEditInput = z.object({ postId: z.string().min(1).max(64) });

export type PostPermissions = Record<PostAction, boolean>;

/**
 * A post as the editor needs it, plus what the actor may do with it. Someone
 * else's post is NOT_FOUND unless the actor may see any post. A published
 * post with unpublished changes comes with its working copy's fields (what the
 * editor edits) and `live` (what readers see).
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
      workingCopy: {
        include: {
          category: { select: { id: true, name: true, slug: true } },
          coverMedia: { select: { id: true, storageKey: true, width: true, height: true, altText: true, caption: true, credit: true, uploaderId: true } },
        },
      },
    },
  });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  assertCanOnPost(actor, "view", post);
  const permissions = Object.fromEntries(
    POST_ACTIONS.map((a) => [a, canOnPost(actor, a, post)]),
  ) as PostPermissions;
  const copy = post.status === "PUBLISHED" ? post.workingCopy : null;
  const live = { title: post.title, slug: post.slug, excerpt: post.excerpt, body: post.body };
  // Who uploaded the cover stays on the server; the editor only learns whether it may change the details.
  const coverMedia = copy ? copy.coverMedia : post.coverMedia;
  let cover = null;
  if (coverMedia) {
    const { uploaderId, ...media } = coverMedia;
    const details = copy ? { altText: copy.coverAltText, caption: copy.coverCaption, credit: copy.coverCredit } : {};
    cover = { ...media, ...details, url: mediaUrl(media.storageKey), detailsEditable: canOnMedia(actor, "editDetails", { uploaderId }) };
  }
  if (copy) {
    const tags = await db().tag.findMany({ where: { id: { in: copy.tagIds } }, select: { name: true, slug: true }, orderBy: { name: "asc" } });
    return {
      id: post.id,
      title: copy.title,
      slug: copy.slug,
      excerpt: copy.excerpt,
      body: copy.body,
      status: post.status,
      publishedAt: post.publishedAt,
      updatedAt: copy.updatedAt,
      version: post.version,
      reviewNote: post.reviewNote,
      hiddenAt: post.hiddenAt,
      authorId: post.authorId,
      author: post.author,
      category: copy.category,
      categoryId: copy.categoryId,
      cover,
      tags,
      permissions,
      live,
      workingCopy: { submittedAt: copy.submittedAt, reviewNote: copy.reviewNote, updatedAt: copy.updatedAt } as WorkingCopyState | null,
    };
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
    live,
    workingCopy: null as WorkingCopyState | null,
  };
}

export type WorkingCopyState = { submittedAt: Date | null; reviewNote: string | null; updatedAt: Date };

export type PostForEdit = Awaited<ReturnType<typeof getPostForEdit>>;
