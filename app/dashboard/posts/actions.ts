"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { publishPost } from "@/lib/posts/publish-post";
import { schedulePost } from "@/lib/posts/schedule-post";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { deletePost } from "@/lib/posts/delete-post";
import { restoreArchivedPost } from "@/lib/posts/restore-archived-post";
import { restoreRevision } from "@/lib/posts/restore-revision";
import { listRevisions, getRevision } from "@/lib/posts/list-revisions";
import { getPostForEdit } from "@/lib/posts/get-post-for-edit";
import { updateLivePost } from "@/lib/posts/update-live-post";
import { discardWorkingCopy } from "@/lib/posts/discard-working-copy";
import { revalidatePublicContent } from "@/lib/cache/revalidate";
import { revalidatePath } from "next/cache";
import { redirect, RedirectType } from "next/navigation";
import { createDraft } from "@/lib/posts/create-draft";

/**
 * Status transitions and history for the editor and My Posts. Each action
 * only parses, calls the lib/ use case (which authorizes) and revalidates
 * what readers can see.
 */

const postRef = z.object({ postId: z.string().min(1).max(64) });
const versioned = postRef.extend({ expectedVersion: z.number().int().min(1) });

const summary = (post: { id: string; slug: string; version: number; status: string; publishedAt: Date | null }) => ({
  id: post.id,
  slug: post.slug,
  version: post.version,
  status: post.status,
  publishedAt: post.publishedAt?.toISOString() ?? null,
});

const createDraftRun = authedAction(z.object({}), (actor) => createDraft({ actor }), { permission: "post.create" });

/**
 * "New post": creates a blank draft and opens its editor at /dashboard/posts/<id>/edit.
 * Ghost opens an id-less editor and creates the post on the first save; we
 * create it up front (as WordPress's auto-draft does) so the editor has one
 * route and one post from the first keystroke, with nothing to move or
 * remount when the first save lands. It is a POST (a form), never a GET, so
 * a prefetch, a crawler or a reload creates nothing; blank drafts are not
 * listed and are purged once abandoned (lib/posts/create-draft.ts). The old
 * /dashboard/posts/new page sends `replace`, so "Back" skips it (and cannot
 * make another draft); from My Posts, "Back" returns to the list.
 */
export async function newPostAction(_previous: { error: string } | null, form: FormData): Promise<{ error: string } | null> {
  const result = await createDraftRun({});
  if (!result.ok) return { error: result.error };
  redirect(`/dashboard/posts/${result.data.id}/edit`, form.get("replace") === "1" ? RedirectType.replace : RedirectType.push);
}

export const publishAction = authedAction(versioned, async (actor, input) => {
  const post = await publishPost({ actor, input });
  revalidatePublicContent({ postSlugs: [post.slug], authorUsernames: [actor.username] });
  revalidatePath("/dashboard/posts");
  return summary(post);
});

export const scheduleAction = authedAction(versioned.extend({ publishAt: z.string().min(1, "Choose a publish date.") }), async (actor, input) => {
  const post = await schedulePost({ actor, input });
  // A post that was live and is now rescheduled disappears from public pages.
  revalidatePublicContent({ postSlugs: [post.slug] });
  revalidatePath("/dashboard/posts");
  return summary(post);
});

export const unpublishAction = authedAction(versioned, async (actor, input) => {
  const post = await unpublishPost({ actor, input });
  revalidatePublicContent({ postSlugs: [post.slug], authorUsernames: [post.author.username], categorySlugs: post.category ? [post.category.slug] : [], tagSlugs: post.tags.map((t) => t.tag.slug) });
  revalidatePath("/dashboard/posts");
  return summary(post);
});

/** "Update": a published post's working copy goes live; readers see it on every instance once this returns. */
export const updateLiveAction = authedAction(versioned, async (actor, input) => {
  const result = await updateLivePost({ actor, input });
  if (result.changed) {
    revalidatePublicContent({
      postSlugs: [result.post.slug, ...(result.previousSlug ? [result.previousSlug] : [])],
      authorUsernames: [result.authorUsername],
      categorySlugs: result.categorySlug ? [result.categorySlug] : [],
      tagSlugs: result.tagSlugs,
    });
  }
  revalidatePath("/dashboard/posts");
  return { ...summary(result.post), changed: result.changed };
});

/** "Discard changes": back to the live version. Readers saw nothing, so nothing public expires. */
export const discardChangesAction = authedAction(versioned, async (actor, input) => {
  const { post } = await discardWorkingCopy({ actor, input });
  revalidatePath("/dashboard/posts");
  return summary(post);
});

export const submitForReviewAction = authedAction(postRef, async (actor, input) => {
  const post = await submitForReview({ actor, input });
  revalidatePath("/dashboard/posts");
  return summary(post);
});

export const deletePostAction = authedAction(postRef, async (actor, input) => {
  const result = await deletePost({ actor, input });
  if (result.wasPublic) {
    revalidatePublicContent({ postSlugs: [result.slug], authorUsernames: [result.authorUsername], categorySlugs: result.categorySlug ? [result.categorySlug] : [], tagSlugs: result.tagSlugs });
  }
  revalidatePath("/dashboard/posts");
  return { outcome: result.outcome };
});

export const restoreArchivedAction = authedAction(postRef, async (actor, input) => {
  const post = await restoreArchivedPost({ actor, input });
  revalidatePath("/dashboard/posts");
  return summary(post);
});

export const listRevisionsAction = authedAction(postRef, async (actor, input) => {
  const revisions = await listRevisions({ actor, input });
  return revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
});

export const getRevisionAction = authedAction(postRef.extend({ revisionId: z.string().min(1).max(64) }), async (actor, input) => {
  const revision = await getRevision({ actor, input });
  return { ...revision, createdAt: revision.createdAt.toISOString() };
});

export const restoreRevisionAction = authedAction(versioned.extend({ revisionId: z.string().min(1).max(64) }), async (actor, input) => {
  const result = await restoreRevision({ actor, input });
  if (result.isPublic) revalidatePublicContent({ postSlugs: [result.post.slug] });
  return { ...summary(result.post), title: result.post.title, excerpt: result.post.excerpt, body: result.post.body };
});

/** The current stored version, for "Reload their version" after a conflict. */
export const loadPostAction = authedAction(postRef, async (actor, input) => {
  const post = await getPostForEdit({ actor, input });
  return {
    ...summary(post),
    title: post.title,
    excerpt: post.excerpt,
    body: post.body,
    categoryId: post.categoryId,
    tags: post.tags.map((t) => t.name),
    cover: post.cover,
    liveSlug: post.live.slug,
    hasWorkingCopy: !!post.workingCopy,
  };
});
