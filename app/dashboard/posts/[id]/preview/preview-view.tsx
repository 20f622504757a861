import Link from "next/link";
import type { PostForEdit } from "@/lib/posts/get-post-for-edit";
import { renderMarkdown, readingMinutes } from "@/lib/markdown/render";
import { displayStatus, DISPLAY_STATUS_LABELS } from "@/lib/posts/display-status";
import { PostArticle } from "@/components/post-article";

/**
 * A draft exactly as readers will see it, for its author and editors only
 * (authorized by the route). A published post with unpublished changes shows
 * its working copy here; the public address keeps showing the live version.
 */
export function PreviewView({ post }: { post: PostForEdit }) {
  const status = displayStatus(post);
  return (
    <>
      <p className="preview-banner" role="status">
        {post.workingCopy ? (
          <>
            Preview of unpublished changes — readers still see the published version at <Link href={`/posts/${post.live.slug}`}>/posts/{post.live.slug}</Link>.{" "}
          </>
        ) : (
          <>Preview — {DISPLAY_STATUS_LABELS[status]}. Readers cannot see this page. </>
        )}
        <Link href={`/dashboard/posts/${post.id}/edit`}>Back to the editor</Link>
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
