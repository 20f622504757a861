import type { Tx } from "@/lib/db";
import type { Post, PostWorkingCopy } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, canOnMedia, isPublishableFrom, type Actor } from "@/lib/authz/permissions";
import { recordAudit, diffFields, type AuditChanges } from "@/lib/audit/record";
import { assertSlugFree } from "@/lib/posts/post-references";
import { conflictError } from "@/lib/posts/conflict";

/**
 * Working copies: the unpublished changes of a published (or scheduled) post.
 *
 * Invariants:
 * - Only a PUBLISHED post uses one; drafts, posts in review, rejected and
 *   archived posts edit Post directly. Leaving PUBLISHED (unpublish, archive)
 *   folds the copy into the post first, so no copy outlives its live version.
 * - Readers never see it: every public query reads Post only, and saving a
 *   copy expires nothing in the public cache.
 * - Every save still bumps Post.version (never Post.updatedAt, which readers
 *   see as "Updated …"), so the version the editor names is the one version of
 *   the post, and every existing conflict check keeps working unchanged.
 * - Going live ("Update", an editor's approval, publishing or rescheduling)
 *   copies it into Post in the caller's transaction and deletes it.
 */

export type EditableContent = {
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  categoryId: string | null;
  tagIds: string[];
  coverMediaId: string | null;
  cover: { altText: string; caption: string; credit: string } | null;
};

export function hasLiveVersion(post: { status: string }): boolean {
  return post.status === "PUBLISHED";
}

/** The working copy of a published post, if someone has unpublished changes. */
export async function findWorkingCopy(tx: Tx, post: { id: string; status: string }) {
  if (!hasLiveVersion(post)) return null;
  return tx.postWorkingCopy.findUnique({ where: { postId: post.id } });
}

/** What the live post holds, in the working copy's shape. */
export async function liveContent(tx: Tx, post: Post): Promise<EditableContent> {
  // One connection in a transaction: one query at a time.
  const tags = await tx.postTag.findMany({ where: { postId: post.id }, select: { tagId: true } });
  const media = post.coverMediaId ? await tx.media.findUnique({ where: { id: post.coverMediaId }, select: { altText: true, caption: true, credit: true } }) : null;
  return {
    title: post.title,
    slug: post.slug,
    excerpt: post.excerpt,
    body: post.body,
    categoryId: post.categoryId,
    tagIds: tags.map((t) => t.tagId).sort(),
    coverMediaId: post.coverMediaId,
    cover: media,
  };
}

export function copyContent(copy: PostWorkingCopy): EditableContent {
  return {
    title: copy.title,
    slug: copy.slug,
    excerpt: copy.excerpt,
    body: copy.body,
    categoryId: copy.categoryId,
    tagIds: [...copy.tagIds].sort(),
    coverMediaId: copy.coverMediaId,
    cover: copy.coverMediaId ? { altText: copy.coverAltText, caption: copy.coverCaption, credit: copy.coverCredit } : null,
  };
}

export function sameContent(a: EditableContent, b: EditableContent): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A slug no other post uses, and no other post's unpublished changes want. */
export async function assertCopySlugFree(tx: Tx, slug: string, postId: string) {
  await assertSlugFree(tx, slug, postId);
  const claimed = await tx.postWorkingCopy.findFirst({ where: { slug, postId: { not: postId } }, select: { postId: true } });
  if (claimed) throw new AppError("CONFLICT", "That slug is already used by another post.", { slug: ["That slug is already used by another post."] });
}

/**
 * canOnMedia's rules for a cover chosen in a working copy, checked when it is
 * saved (what attachCoverImage checks for a draft), without touching the image:
 * its details are applied only when the copy goes live. Covers already on the
 * live post or in the copy stay whoever uploaded them; changed details need
 * editDetails.
 */
export async function assertCoverAllowed(tx: Tx, actor: Actor, next: EditableContent, kept: { coverMediaIds: (string | null)[]; cover: EditableContent["cover"]; coverMediaId: string | null }) {
  if (!next.coverMediaId) return;
  const media = await tx.media.findUnique({ where: { id: next.coverMediaId }, select: { uploaderId: true, altText: true, caption: true, credit: true } });
  if (!media) throw new AppError("INVALID", "That cover image no longer exists; upload it again.", { coverMediaId: ["That cover image no longer exists; upload it again."] });
  if (!kept.coverMediaIds.includes(next.coverMediaId) && !canOnMedia(actor, "use", media)) {
    const message = "You can only use images you uploaded as a cover. Upload the image yourself, or ask an editor.";
    throw new AppError("FORBIDDEN", message, { coverMediaId: [message] });
  }
  const before = kept.coverMediaId === next.coverMediaId && kept.cover ? kept.cover : { altText: media.altText, caption: media.caption, credit: media.credit };
  if (next.cover && Object.keys(diffFields(before, next.cover)).length && !canOnMedia(actor, "editDetails", media)) {
    const message = "Only the person who uploaded this image, or an editor, can change its alt text, caption or credit.";
    throw new AppError("FORBIDDEN", message, { coverMediaId: [message] });
  }
}

/**
 * Writes the working copy of a published post (autosave, "Save draft", a
 * restored revision). Bumps the post's version but not its updatedAt, so
 * nothing a reader sees changes; the caller must not revalidate.
 */
export async function writeWorkingCopy(
  tx: Tx,
  actor: Actor,
  post: Post,
  expectedVersion: number,
  content: EditableContent,
): Promise<{ version: number; copy: PostWorkingCopy }> {
  const written = await tx.post.updateMany({
    where: { id: post.id, version: expectedVersion },
    // An explicit updatedAt keeps Prisma's @updatedAt from stamping a change readers have not seen.
    data: { version: { increment: 1 }, updatedAt: post.updatedAt },
  });
  if (written.count !== 1) throw await conflictError(tx, post.id);
  const fields = {
    title: content.title,
    slug: content.slug,
    excerpt: content.excerpt,
    body: content.body,
    categoryId: content.categoryId,
    tagIds: content.tagIds,
    coverMediaId: content.coverMediaId,
    coverAltText: content.cover?.altText ?? "",
    coverCaption: content.cover?.caption ?? "",
    coverCredit: content.cover?.credit ?? "",
    updatedById: actor.id,
  };
  const copy = await tx.postWorkingCopy.upsert({
    where: { postId: post.id },
    create: { postId: post.id, baseVersion: post.version, ...fields },
    update: fields,
  });
  return { version: expectedVersion + 1, copy };
}

export type PromoteResult = {
  post: Post;
  /** False when the copy said what the live post already said (nothing for readers to see). */
  changed: boolean;
  previousSlug: string | null;
  /** Tags before and after: their pages list the post. */
  tagSlugs: string[];
};

/**
 * Copies the working copy into the live post and deletes it, in the caller's
 * transaction (the post row must be locked or version-checked by the caller:
 * the write names `post.version`). Keeps an "updated" revision and a
 * `post.update` audit row. `bumpVersion: false` when the caller's own
 * transition bumps it next (publishing, unpublishing).
 */
export async function promoteWorkingCopy(
  tx: Tx,
  actor: Actor,
  post: Post,
  options: { bumpVersion?: boolean; reason?: string } = {},
): Promise<PromoteResult | null> {
  const copy = await findWorkingCopy(tx, post);
  if (!copy) return null;
  const live = await liveContent(tx, post);
  const next = copyContent(copy);
  // Tags deleted since the copy was saved are dropped; category and cover are kept valid by their foreign keys.
  const existingTags = await tx.tag.findMany({ where: { id: { in: next.tagIds } }, select: { id: true } });
  next.tagIds = existingTags.map((t) => t.id).sort();
  if (next.slug !== live.slug) await assertCopySlugFree(tx, next.slug, post.id);

  const oldTagSlugs = (await tx.postTag.findMany({ where: { postId: post.id }, select: { tag: { select: { slug: true } } } })).map((t) => t.tag.slug);
  const changed = !sameContent(live, next);
  const bump = options.bumpVersion ?? true;
  const written = await tx.post.updateMany({
    where: { id: post.id, version: post.version },
    data: {
      title: next.title,
      slug: next.slug,
      excerpt: next.excerpt,
      body: next.body,
      categoryId: next.categoryId,
      coverMediaId: next.coverMediaId,
      ...(bump ? { version: { increment: 1 } } : {}),
      // Nothing readers see changed: keep "Updated …" as it was.
      ...(changed ? {} : { updatedAt: post.updatedAt }),
    },
  });
  if (written.count !== 1) throw await conflictError(tx, post.id);
  await tx.postWorkingCopy.delete({ where: { postId: post.id } });

  const tagsChanged = JSON.stringify(live.tagIds) !== JSON.stringify(next.tagIds);
  if (tagsChanged) {
    await tx.postTag.deleteMany({ where: { postId: post.id } });
    if (next.tagIds.length) await tx.postTag.createMany({ data: next.tagIds.map((tagId) => ({ postId: post.id, tagId })) });
  }
  // The cover's details were checked against canOnMedia when the copy was saved; they reach the image only now.
  let coverDetailsChanged = false;
  if (next.coverMediaId && next.cover) {
    const media = await tx.media.findUnique({ where: { id: next.coverMediaId }, select: { uploaderId: true, altText: true, caption: true, credit: true } });
    const detailChanges = media ? diffFields({ altText: media.altText, caption: media.caption, credit: media.credit }, next.cover) : {};
    if (media && Object.keys(detailChanges).length) {
      await tx.media.update({ where: { id: next.coverMediaId }, data: next.cover });
      coverDetailsChanged = true;
      // The same image may illustrate other articles: someone else's change to it is editorial (as in attachCoverImage).
      if (media.uploaderId !== actor.id) await recordAudit(tx, { actorId: actor.id, action: "media.update", targetType: "media", targetId: next.coverMediaId, changes: detailChanges });
    }
  }

  let previousSlug: string | null = null;
  if (next.slug !== live.slug) {
    // The old address redirects only now that the new one is live; going back to an old slug drops its redirect.
    await tx.slugRedirect.deleteMany({ where: { fromSlug: next.slug, postId: post.id } });
    if (post.publishedAt) await tx.slugRedirect.create({ data: { fromSlug: live.slug, postId: post.id } });
    previousSlug = live.slug;
  }

  const updated = await tx.post.findUniqueOrThrow({ where: { id: post.id } });
  const newTagSlugs = (await tx.postTag.findMany({ where: { postId: post.id }, select: { tag: { select: { slug: true } } } })).map((t) => t.tag.slug);
  if (changed) {
    await tx.postRevision.create({
      data: { postId: post.id, authorId: actor.id, title: updated.title, excerpt: updated.excerpt, body: updated.body, version: updated.version, reason: options.reason ?? "updated" },
    });
    const summary: AuditChanges = diffFields(
      { title: live.title, excerpt: live.excerpt, slug: live.slug, categoryId: live.categoryId, coverMediaId: live.coverMediaId },
      { title: next.title, excerpt: next.excerpt, slug: next.slug, categoryId: next.categoryId, coverMediaId: next.coverMediaId },
    );
    if (live.body !== next.body) summary.body = { from: `${live.body.length} characters`, to: `${next.body.length} characters` };
    if (tagsChanged) summary.tags = { from: oldTagSlugs, to: newTagSlugs };
    if (coverDetailsChanged) summary.coverDetails = { from: live.cover, to: next.cover };
    await recordAudit(tx, { actorId: actor.id, action: "post.update", targetType: "post", targetId: post.id, changes: summary });
  }
  return { post: updated, changed, previousSlug, tagSlugs: [...new Set([...oldTagSlugs, ...newTagSlugs])] };
}

/**
 * Before a transition that takes a published post elsewhere (publish now,
 * reschedule, unpublish, archive): its unpublished changes become the post's
 * content, as they did when edits were written straight into the post. Locks
 * the row; does nothing without a copy or when the caller's own version check
 * is going to refuse (it runs next, against the same version).
 */
export async function foldWorkingCopy(tx: Tx, actor: Actor, postId: string, permission: "publish" | "unpublish" | "delete", expectedVersion?: number) {
  await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${postId} FOR UPDATE`;
  const post = await tx.post.findUnique({ where: { id: postId } });
  if (!post || !hasLiveVersion(post)) return null;
  if (!(await tx.postWorkingCopy.findUnique({ where: { postId }, select: { postId: true } }))) return null;
  assertCanOnPost(actor, permission, post);
  if (expectedVersion !== undefined && expectedVersion !== post.version) return null;
  // A live post is not published again (PUBLISHABLE_FROM): publishPost refuses it next, so leave the copy alone.
  if (permission === "publish" && !isPublishableFrom(post)) return null;
  return promoteWorkingCopy(tx, actor, post, { bumpVersion: false });
}
