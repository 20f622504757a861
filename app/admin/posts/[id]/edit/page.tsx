import Link from "next/link";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { postForEditor } from "@/lib/review/list-review-queue";
import { DISPLAY_STATUS_LABELS, displayStatus } from "@/lib/posts/display-status";
import { formatDateTime } from "@/components/format";
import { EditorEditForm } from "@/components/admin-editor-edit-form";
import { editorEditAction } from "../../actions";

export const metadata: Metadata = { title: "Edit post" };

export default async function EditorEditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("post.editAny", `/admin/posts/${id}/edit`);
  const post = await postForEditor(actor, id);
  if (!post) notFound();
  const back = (await searchParams).from === "review" ? { href: "/admin/review", label: "Back to the review queue" } : { href: "/admin/posts", label: "Back to posts" };
  const status = displayStatus(post);
  return (
    <>
      <div className="page-heading">
        <p className="meta">
          <Link href={back.href}>← {back.label}</Link>
        </p>
        <h1>Edit “{post.title}”</h1>
        <p className="meta">
          By {post.author.displayName} · <span className={`status status-${status}`}>{DISPLAY_STATUS_LABELS[status]}</span> · version {post.version}
          {post.authorId !== actor.id ? " · your changes are kept as a revision in your name" : ""}
          {post.hasWorkingCopy ? " · editing the unpublished changes; readers still see the published version" : ""}
        </p>
      </div>
      <EditorEditForm action={editorEditAction} post={{ id: post.id, title: post.title, excerpt: post.excerpt, body: post.body, version: post.version }} />
      <h2 className="section-title">Recent revisions</h2>
      <ul className="plain-list meta">
        {post.revisions.map((r) => (
          <li key={r.id}>
            {formatDateTime(r.createdAt)} · {r.reason} · {r.author?.displayName ?? "deleted user"} · version {r.version}
          </li>
        ))}
      </ul>
    </>
  );
}
