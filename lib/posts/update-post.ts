import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, type Actor } from "@/lib/authz/permissions";
import { recordAudit, diffFields } from "@/lib/audit/record";
import { postContentInput } from "@/lib/posts/create-post";
import { defineUseCase } from "@/lib/use-case";
import { isVisibleToReaders, NO_EFFECT, postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { assertReferencesExist, assertSlugFree, attachCoverImage, resolveTagIds } from "@/lib/posts/post-references";
import { conflictError } from "@/lib/posts/conflict";
import type { Tx } from "@/lib/db";
import type { Post } from "@/generated/prisma/client";
import { assertCopySlugFree, assertCoverAllowed, copyContent, findWorkingCopy, hasLiveVersion, liveContent, sameContent, writeWorkingCopy, type EditableContent } from "@/lib/posts/working-copy";

export const updatePostMeta = z.object({
  postId: z.string().min(1),
  /** The version the editor started from: optimistic locking. */
  expectedVersion: z.number().int().min(1),
  /** Why this save happened; kept on the revision. */
  reason: z.enum(["autosave", "save"]).default("save"),
});

export const updatePostInput = postContentInput.extend(updatePostMeta.shape);
export type UpdatePostInput = z.input<typeof updatePostInput>;
type ParsedUpdate = z.output<typeof updatePostInput>;

export type UpdatePostResult = {
  post: { id: string; slug: string; version: number; status: string; publishedAt: Date | null; updatedAt: Date; authorId: string };
  changed: boolean;
  previousSlug: string | null;
  /** True when the post is published and this edit lives in its working copy (readers keep the live version). */
  hasWorkingCopy: boolean;
  /** The slug readers use (differs from post.slug while a working copy renames the post). */
  liveSlug: string;
};

/**
 * Saves an edit of a post's content. Never changes status (transitions do
 * that). Refuses with CONFLICT when someone saved since `expectedVersion`;
 * the version check is part of the UPDATE's WHERE, so two concurrent saves
 * cannot both win. Every save that changes something keeps a revision. A
 * changed slug of a post that has been public keeps a redirect from the old one.
 * A published (or scheduled) post is never changed here: the edit goes to its
 * working copy (lib/posts/working-copy.ts) until "Update".
 */
export const updatePost = defineUseCase({
  id: "post.edit",
  input: updatePostInput,
  permission: null, // canOnPost(actor, "edit", post)
  async run(actor, input) {
    return db().$transaction(async (tx) => {
      const before = await postReaderState(tx, input.postId);
      const result = await saveContent(tx, actor, input);
      // A published post's edit lives in its working copy: readers see nothing until "Update".
      const seen = result.changed && !result.hasWorkingCopy;
      return { result, effect: seen ? postReaderEffect(before, await postReaderState(tx, input.postId)) : NO_EFFECT };
    });
  },
});

async function saveContent(tx: Tx, actor: Actor, data: ParsedUpdate): Promise<UpdatePostResult> {
  const { postId, expectedVersion, reason } = data;
  const post = await tx.post.findUnique({ where: { id: postId }, include: { tags: { select: { tagId: true, tag: { select: { slug: true } } } } } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  assertCanOnPost(actor, "edit", post);
  if (post.version !== expectedVersion) throw await conflictError(tx, post.id);
  if (hasLiveVersion(post)) return saveWorkingCopy(tx, actor, post, data, expectedVersion, reason);

  const slug = data.slug || post.slug;
  if (slug !== post.slug) await assertSlugFree(tx, slug, post.id);
  await assertReferencesExist(tx, { categoryId: data.categoryId, coverMediaId: data.coverMediaId, tagIds: data.tagIds });
  const tagIds = [...new Set([...data.tagIds, ...(data.tagNames ? await resolveTagIds(tx, actor, data.tagNames) : [])])];

  const before = { title: post.title, body: post.body, excerpt: post.excerpt, slug: post.slug, categoryId: post.categoryId, coverMediaId: post.coverMediaId };
  const after = { title: data.title, body: data.body, excerpt: data.excerpt, slug, categoryId: data.categoryId, coverMediaId: data.coverMediaId };
  const changes = diffFields(before, after);
  const oldTagIds = post.tags.map((t) => t.tagId).sort();
  const tagsChanged = JSON.stringify(oldTagIds) !== JSON.stringify([...tagIds].sort());

  const coverChanged = await attachCoverImage(tx, actor, { coverMediaId: data.coverMediaId, coverDetails: data.coverDetails, currentCoverMediaId: post.coverMediaId });

  const isPublic = isVisibleToReaders(post);
  const oldTagSlugs = post.tags.map((t) => t.tag.slug);
  if (!Object.keys(changes).length && !tagsChanged && !coverChanged) {
    return { post, changed: false, previousSlug: null, hasWorkingCopy: false, liveSlug: post.slug };
  }

  // The version in the WHERE makes the check and the write one atomic step.
  const written = await tx.post.updateMany({ where: { id: post.id, version: expectedVersion }, data: { ...after, version: { increment: 1 } } });
  if (written.count !== 1) throw await conflictError(tx, post.id);
  if (tagsChanged) {
    await tx.postTag.deleteMany({ where: { postId: post.id } });
    if (tagIds.length) await tx.postTag.createMany({ data: tagIds.map((tagId) => ({ postId: post.id, tagId })) });
  }
  const updated = await tx.post.findUniqueOrThrow({ where: { id: post.id }, include: { tags: { select: { tag: { select: { slug: true } } } } } });

  let previousSlug: string | null = null;
  if (slug !== post.slug) {
    // Going back to an old slug: that redirect is no longer needed.
    await tx.slugRedirect.deleteMany({ where: { fromSlug: slug, postId: post.id } });
    if (post.publishedAt) {
      await tx.slugRedirect.create({ data: { fromSlug: post.slug, postId: post.id } });
      // Redirects to this post from even older slugs keep working: they point at the post, not the slug.
    }
    previousSlug = post.slug;
  }

  await tx.postRevision.create({
    data: { postId: post.id, authorId: actor.id, title: updated.title, excerpt: updated.excerpt, body: updated.body, version: updated.version, reason },
  });
  // Edits readers can see, slug changes and edits of someone else's post are audited; drafts' keystrokes are not.
  if (isPublic || previousSlug || post.authorId !== actor.id) {
    const summary = { ...changes };
    if (summary.body) summary.body = { from: `${post.body.length} characters`, to: `${updated.body.length} characters` };
    if (tagsChanged) summary.tags = { from: oldTagSlugs, to: updated.tags.map((t) => t.tag.slug) };
    await recordAudit(tx, { actorId: actor.id, action: "post.update", targetType: "post", targetId: post.id, changes: summary });
  }
  return { post: updated, changed: true, previousSlug, hasWorkingCopy: false, liveSlug: updated.slug };
}

/** An edit of a published post: written to its working copy only, never to what readers see. */
async function saveWorkingCopy(
  tx: Tx,
  actor: Actor,
  post: Post,
  data: ParsedUpdate,
  expectedVersion: number,
  reason: "autosave" | "save",
): Promise<UpdatePostResult> {
  const existing = await findWorkingCopy(tx, post);
  const base = existing ? copyContent(existing) : await liveContent(tx, post);
  const slug = data.slug || base.slug;
  if (slug !== base.slug && slug !== post.slug) await assertCopySlugFree(tx, slug, post.id);
  await assertReferencesExist(tx, { categoryId: data.categoryId, coverMediaId: data.coverMediaId, tagIds: data.tagIds });
  const tagIds = [...new Set([...data.tagIds, ...(data.tagNames ? await resolveTagIds(tx, actor, data.tagNames) : [])])].sort();
  let cover: EditableContent["cover"] = null;
  if (data.coverMediaId) {
    cover =
      data.coverDetails ??
      (base.coverMediaId === data.coverMediaId ? base.cover : await tx.media.findUnique({ where: { id: data.coverMediaId }, select: { altText: true, caption: true, credit: true } }));
  }
  const next: EditableContent = { title: data.title, slug, excerpt: data.excerpt, body: data.body, categoryId: data.categoryId, tagIds, coverMediaId: data.coverMediaId, cover };
  await assertCoverAllowed(tx, actor, next, { coverMediaIds: [post.coverMediaId, existing?.coverMediaId ?? null], cover: base.cover, coverMediaId: base.coverMediaId });
  const summary = (version: number, hasWorkingCopy: boolean, changed: boolean): UpdatePostResult => ({
    post: { id: post.id, slug: hasWorkingCopy ? next.slug : post.slug, version, status: post.status, publishedAt: post.publishedAt, updatedAt: post.updatedAt, authorId: post.authorId },
    changed,
    previousSlug: null,
    hasWorkingCopy,
    liveSlug: post.slug,
  });
  if (sameContent(base, next)) return summary(post.version, !!existing, false);
  if (existing && sameContent(await liveContent(tx, post), next)) {
    // Typed back to what readers see: there are no unpublished changes any more.
    const written = await tx.post.updateMany({ where: { id: post.id, version: expectedVersion }, data: { version: { increment: 1 }, updatedAt: post.updatedAt } });
    if (written.count !== 1) throw await conflictError(tx, post.id);
    await tx.postWorkingCopy.delete({ where: { postId: post.id } });
    return summary(expectedVersion + 1, false, true);
  }

  const { version } = await writeWorkingCopy(tx, actor, post, expectedVersion, next);
  await tx.postRevision.create({ data: { postId: post.id, authorId: actor.id, title: next.title, excerpt: next.excerpt, body: next.body, version, reason } });
  // Someone else's unpublished changes are audited (as edits of their drafts are); one's own keystrokes are not.
  if (post.authorId !== actor.id) {
    const changes = diffFields({ title: base.title, excerpt: base.excerpt, slug: base.slug }, { title: next.title, excerpt: next.excerpt, slug: next.slug });
    if (base.body !== next.body) changes.body = { from: `${base.body.length} characters`, to: `${next.body.length} characters` };
    await recordAudit(tx, { actorId: actor.id, action: "post.editWorkingCopy", targetType: "post", targetId: post.id, changes });
  }
  return summary(version, true, true);
}
