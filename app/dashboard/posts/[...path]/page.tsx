import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { editorOptions } from "@/lib/posts/editor-options";
import { getPostForEdit } from "@/lib/posts/get-post-for-edit";
import { isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { PostEditor, type EditorInitial, type EditorPermissions } from "@/components/editor/post-editor";
import { PreviewView } from "./preview-view";

/**
 * /dashboard/posts/new, /dashboard/posts/<id>/edit and /dashboard/posts/<id>/preview.
 * New and edit are one route on purpose: when the first save of a new post
 * moves the address to /<id>/edit, the editor stays mounted and keeps
 * everything typed meanwhile (separate routes would remount it).
 */
type Props = { params: Promise<{ path: string[] }>; searchParams: Promise<{ copied?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { path } = await params;
  const title = path[0] === "new" ? "New post" : path[1] === "preview" ? "Preview" : "Edit post";
  return { title, robots: { index: false } };
}

async function loadPost(actor: Parameters<typeof getPostForEdit>[0]["actor"], postId: string) {
  return getPostForEdit({ actor, input: { postId } }).catch((error: unknown) => {
    // Someone else's post looks the same as a missing one.
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
}

export default async function PostEditorRoute({ params, searchParams }: Props) {
  const { path } = await params;
  const returnTo = `/dashboard/posts/${path.join("/")}`;
  if (path.length === 2 && path[1] === "preview") {
    const actor = await requirePageActor("dashboard.access", returnTo);
    return <PreviewView post={await loadPost(actor, path[0]!)} />;
  }
  const isNew = path.length === 1 && path[0] === "new";
  if (!isNew && !(path.length === 2 && path[1] === "edit")) notFound();
  const actor = await requirePageActor(isNew ? "post.create" : "dashboard.access", returnTo);
  const options = await editorOptions(actor);

  let initial: EditorInitial;
  let permissions: EditorPermissions;
  let author = { displayName: actor.displayName, username: actor.username };
  let byline = "";
  let notice: string | null = null;
  if (isNew) {
    initial = {
      id: null,
      fields: { title: "", slug: "", excerpt: "", body: "", categoryId: null, tags: [], cover: null },
      version: 1,
      status: "DRAFT",
      publishedAt: null,
      reviewNote: null,
      live: { hasChanges: false, slug: "", submitted: false, note: null },
    };
    const publishes = can(actor, "post.publishOwn");
    permissions = {
      edit: true,
      submit: can(actor, "post.submitForReview"),
      publish: publishes,
      unpublish: publishes,
      update: publishes,
      discard: true,
      delete: can(actor, "post.deleteOwn"),
    };
  } else {
    const post = await loadPost(actor, path[0]!);
    initial = {
      id: post.id,
      fields: { title: post.title, slug: post.slug, excerpt: post.excerpt, body: post.body, categoryId: post.categoryId, tags: post.tags.map((t) => t.name), cover: post.cover },
      version: post.version,
      status: post.status,
      publishedAt: post.publishedAt?.toISOString() ?? null,
      reviewNote: post.reviewNote,
      live: { hasChanges: !!post.workingCopy, slug: post.live.slug, submitted: !!post.workingCopy?.submittedAt, note: post.workingCopy?.reviewNote ?? null },
    };
    permissions = post.permissions;
    author = post.author;
    if (post.authorId !== actor.id) byline = ` · Editing a post by ${post.author.displayName}`;
    if ((await searchParams).copied) notice = "Your copy was saved as this new draft. The other version is unchanged.";
    else if (!post.permissions.edit) notice = post.status === "PUBLISHED" ? "This post is published; only authors and editors can change it now." : "You can read this post but not change it.";
  }

  return (
    <>
      <p className="meta">
        <Link href="/dashboard/posts">← My Posts</Link>
        {byline}
      </p>
      <h1 className="visually-hidden">{isNew ? "New post" : `Edit “${initial.fields.title}”`}</h1>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <PostEditor
        key="editor"
        initial={initial}
        permissions={permissions}
        author={author}
        categories={options.categories}
        tagNames={options.tagNames}
        maxUploadMb={env().MAX_UPLOAD_MB}
      />
    </>
  );
}
