import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageActor } from "@/lib/auth/session";
import { getPostForEdit } from "@/lib/posts/get-post-for-edit";
import { isAppError } from "@/lib/errors";
import { renderMarkdown, readingMinutes } from "@/lib/markdown/render";
import { displayStatus, DISPLAY_STATUS_LABELS } from "@/lib/posts/display-status";
import { PostArticle } from "@/components/post-article";

export const metadata: Metadata = { title: "Preview", robots: { index: false } };

/** A draft exactly as readers will see it, for its author and editors only. */
export default async function PreviewPostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("dashboard.access", `/dashboard/posts/${id}/preview`);
  const post = await getPostForEdit({ actor, input: { postId: id } }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const status = displayStatus(post);
  return (
    <>
      <p className="preview-banner" role="status">
        Preview — {DISPLAY_STATUS_LABELS[status]}. Readers cannot see this page. <Link href={`/dashboard/posts/${post.id}/edit`}>Back to the editor</Link>
      </p>
      <PostArticle
        title={post.title}
        excerpt={post.excerpt}
        category={post.category}
        author={post.author}
        publishedAt={post.publishedAt ?? new Date()}
        readingMinutes={readingMinutes(post.body)}
        cover={post.cover}
        html={renderMarkdown(post.body)}
        tags={post.tags}
      />
    </>
  );
}
