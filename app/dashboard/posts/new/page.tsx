import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { editorOptions } from "@/lib/posts/editor-options";
import { env } from "@/lib/env";
import { PostEditor } from "@/components/editor/post-editor";

export const metadata: Metadata = { title: "New post", robots: { index: false } };

export default async function NewPostPage() {
  const actor = await requirePageActor("post.create", "/dashboard/posts/new");
  const options = await editorOptions(actor);
  return (
    <>
      <p className="meta">
        <Link href="/dashboard/posts">← My Posts</Link>
      </p>
      <h1 className="visually-hidden">New post</h1>
      <PostEditor
        key="new"
        initial={{ id: null, fields: { title: "", slug: "", excerpt: "", body: "", categoryId: null, tags: [], cover: null }, version: 1, status: "DRAFT", publishedAt: null, reviewNote: null }}
        permissions={{ edit: true, submit: can(actor, "post.submitForReview"), publish: can(actor, "post.publishOwn"), unpublish: can(actor, "post.publishOwn") }}
        author={{ displayName: actor.displayName, username: actor.username }}
        categories={options.categories}
        tagNames={options.tagNames}
        maxUploadMb={env().MAX_UPLOAD_MB}
      />
    </>
  );
}
