"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { serverAction } from "@/lib/actions/use-case-adapters";
import type { ActionState } from "@/lib/actions/form-action";
import { publishPost } from "@/lib/posts/publish-post";
import { schedulePost } from "@/lib/posts/schedule-post";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { deletePost } from "@/lib/posts/delete-post";
import { restoreArchivedPost } from "@/lib/posts/restore-archived-post";
import { restoreRevision } from "@/lib/posts/restore-revision";
import { listRevisions, getRevision, listRevisionsInput, getRevisionInput } from "@/lib/posts/list-revisions";
import { getPostForEdit, getPostForEditInput } from "@/lib/posts/get-post-for-edit";
import { updateLivePost } from "@/lib/posts/update-live-post";
import { discardWorkingCopy } from "@/lib/posts/discard-working-copy";
import { revalidatePath } from "next/cache";
import { redirect, RedirectType } from "next/navigation";
import { createDraft } from "@/lib/posts/create-draft";

/**
 * Status transitions and history for the editor and My Posts: each is the
 * one adapter (lib/actions/use-case-adapters.ts) over a lib/ use case, which
 * owns the input schema, the rules and the effect on readers.
 */

const summary = (post: { id: string; slug: string; version: number; status: string; publishedAt: Date | null }) => ({
  id: post.id,
  slug: post.slug,
  version: post.version,
  status: post.status,
  publishedAt: post.publishedAt?.toISOString() ?? null,
});

/** My Posts and the editor show statuses: refresh the list after any transition. */
const refreshMyPosts = () => revalidatePath("/dashboard/posts");

const createDraftAction = serverAction(createDraft);

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
export async function newPostAction(_previous: ActionState, form: FormData): Promise<ActionState> {
  const result = await createDraftAction({});
  if (!result.ok) return { ok: false, message: result.error };
  redirect(`/dashboard/posts/${result.data.id}/edit`, form.get("replace") === "1" ? RedirectType.replace : RedirectType.push);
}

export const publishAction = serverAction(publishPost, { present: summary, after: refreshMyPosts });

export const scheduleAction = serverAction(schedulePost, { present: summary, after: refreshMyPosts });

export const unpublishAction = serverAction(unpublishPost, { present: summary, after: refreshMyPosts });

/** "Update": a published post's working copy goes live; readers see it on every instance once this returns. */
export const updateLiveAction = serverAction(updateLivePost, { present: (result) => ({ ...summary(result.post), changed: result.changed }), after: refreshMyPosts });

/** "Discard changes": back to the live version. Readers saw nothing, so nothing public expires. */
export const discardChangesAction = serverAction(discardWorkingCopy, { present: (result) => summary(result.post), after: refreshMyPosts });

export const submitForReviewAction = serverAction(submitForReview, { present: summary, after: refreshMyPosts });

export const deletePostAction = serverAction(deletePost, { present: (result) => ({ outcome: result.outcome }), after: refreshMyPosts });

export const restoreArchivedAction = serverAction(restoreArchivedPost, { present: summary, after: refreshMyPosts });

export const listRevisionsAction = authedAction(listRevisionsInput, async (actor, input) => {
  const revisions = await listRevisions({ actor, input });
  return revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
});

export const getRevisionAction = authedAction(getRevisionInput, async (actor, input) => {
  const revision = await getRevision({ actor, input });
  return { ...revision, createdAt: revision.createdAt.toISOString() };
});

export const restoreRevisionAction = serverAction(restoreRevision, {
  present: ({ post }) => ({ ...summary(post), title: post.title, excerpt: post.excerpt, body: post.body }),
});

/** The current stored version, for "Reload their version" after a conflict. */
export const loadPostAction = authedAction(getPostForEditInput, async (actor, input) => {
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
