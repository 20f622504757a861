import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { editorOptions } from "@/lib/posts/editor-options";
import { isBlankDraft } from "@/lib/posts/create-draft";
import { env } from "@/lib/env";
import { PostEditor, type EditorActions, type EditorInitial } from "@/components/editor/post-editor";
import {
  discardChangesAction,
  getRevisionAction,
  listRevisionsAction,
  loadPostAction,
  publishAction,
  restoreArchivedAction,
  restoreRevisionAction,
  scheduleAction,
  submitForReviewAction,
  unpublishAction,
  updateLiveAction,
} from "../../actions";
import { loadPostOr404 } from "../load-post";

export const metadata: Metadata = { title: "Edit post", robots: { index: false } };

const actions: EditorActions = {
  publish: publishAction,
  schedule: scheduleAction,
  unpublish: unpublishAction,
  updateLive: updateLiveAction,
  discardChanges: discardChangesAction,
  submitForReview: submitForReviewAction,
  restoreArchived: restoreArchivedAction,
  restoreRevision: restoreRevisionAction,
  loadPost: loadPostAction,
  listRevisions: listRevisionsAction,
  getRevision: getRevisionAction,
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ copied?: string }> };

export default async function EditPostRoute({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePageActor("dashboard.access", `/dashboard/posts/${id}/edit`);
  const [post, options] = await Promise.all([loadPostOr404(actor, id), editorOptions(actor)]);
  const blank = isBlankDraft(post);
  const initial: EditorInitial = {
    id: post.id,
    blank,
    // A blank draft's slug is a stand-in: the field follows the title until edited.
    fields: { title: post.title, slug: blank ? "" : post.slug, excerpt: post.excerpt, body: post.body, categoryId: post.categoryId, tags: post.tags.map((t) => t.name), cover: post.cover },
    version: post.version,
    status: post.status,
    publishedAt: post.publishedAt?.toISOString() ?? null,
    reviewNote: post.reviewNote,
    live: { hasChanges: !!post.workingCopy, slug: post.live.slug, submitted: !!post.workingCopy?.submittedAt, note: post.workingCopy?.reviewNote ?? null },
  };
  let notice: string | null = null;
  if ((await searchParams).copied) notice = "Your copy was saved as this new draft. The other version is unchanged.";
  else if (!post.permissions.edit) notice = post.status === "PUBLISHED" ? "This post is published; only authors and editors can change it now." : "You can read this post but not change it.";

  return (
    <>
      <p className="meta">
        <Link href="/dashboard/posts">← My Posts</Link>
        {post.authorId !== actor.id ? ` · Editing a post by ${post.author.displayName}` : ""}
      </p>
      <h1 className="visually-hidden">{blank ? "New post" : `Edit “${post.title}”`}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {/* Keyed by post: opening another post (e.g. "Keep my copy") mounts a fresh editor; a refresh of this one keeps its state. */}
      <PostEditor
        key={post.id}
        initial={initial}
        permissions={post.permissions}
        actions={actions}
        author={post.author}
        categories={options.categories}
        tagNames={options.tagNames}
        maxUploadMb={env().MAX_UPLOAD_MB}
      />
    </>
  );
}
