import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { editorOptions } from "@/lib/posts/editor-options";
import { getPostForEdit } from "@/lib/posts/get-post-for-edit";
import { isAppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { PostEditor } from "@/components/editor/post-editor";

export const metadata: Metadata = { title: "Edit post", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ copied?: string }> };

export default async function EditPostPage({ params, searchParams }: Props) {
  const { id } = await params;
  const actor = await requirePageActor("dashboard.access", `/dashboard/posts/${id}/edit`);
  const post = await getPostForEdit({ actor, input: { postId: id } }).catch((error: unknown) => {
    // Someone else's post looks the same as a missing one.
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const options = await editorOptions(actor);
  const { copied } = await searchParams;
  return (
    <>
      <p className="meta">
        <Link href="/dashboard/posts">← My Posts</Link>
        {post.authorId !== actor.id ? ` · Editing a post by ${post.author.displayName}` : ""}
      </p>
      <h1 className="visually-hidden">Edit “{post.title}”</h1>
      {copied ? (
        <p className="notice" role="status">
          Your copy was saved as this new draft. The other version is unchanged.
        </p>
      ) : null}
      {!post.permissions.edit ? (
        <p className="notice" role="status">
          {post.status === "PUBLISHED" ? "This post is published; only authors and editors can change it now." : "You can read this post but not change it."}
        </p>
      ) : null}
      <PostEditor
        key={post.id}
        initial={{
          id: post.id,
          fields: { title: post.title, slug: post.slug, excerpt: post.excerpt, body: post.body, categoryId: post.categoryId, tags: post.tags.map((t) => t.name), cover: post.cover },
          version: post.version,
          status: post.status,
          publishedAt: post.publishedAt?.toISOString() ?? null,
          reviewNote: post.reviewNote,
        }}
        permissions={post.permissions}
        author={post.author}
        categories={options.categories}
        tagNames={options.tagNames}
        maxUploadMb={env().MAX_UPLOAD_MB}
      />
    </>
  );
}
