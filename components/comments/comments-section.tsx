import "./comments.css";
import { listPublicComments } from "@/lib/comments/list-comments";
import { formatDateTime } from "@/components/format";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentComposer, CommentsProvider, ReportControl } from "@/components/comments/comments-client";
import { postCommentAction, reportAction } from "@/app/comments/actions";

/**
 * Comments under an article: approved comments by active accounts, oldest
 * first (the same for every reader, so the page can be cached), plus the
 * visitor's part (form, their pending comments, report buttons) fetched in
 * the browser. Mount it on a PUBLISHED article page: <CommentsSection postId={post.id} postSlug={post.slug} />.
 */
export async function CommentsSection({ postId, postSlug }: { postId: string; postSlug: string }) {
  const comments = await listPublicComments(postId);
  return (
    <section className="comments" id="comments" aria-labelledby="comments-heading">
      <CommentsProvider postId={postId} postSlug={postSlug} report={reportAction}>
        <h2 id="comments-heading">
          {comments.length === 0 ? "Comments" : `${comments.length} comment${comments.length === 1 ? "" : "s"}`}
        </h2>
        {comments.length === 0 ? <p className="meta">No comments yet.</p> : null}
        <ol className="comment-list">
          {comments.map((comment) => (
            <li key={comment.id} className="comment" id={`comment-${comment.id}`}>
              <p className="comment-meta">
                <strong>{comment.author.displayName}</strong> ·{" "}
                <time dateTime={comment.createdAt.toISOString()}>{formatDateTime(comment.createdAt)}</time>
              </p>
              <CommentBody text={comment.body} />
              <ReportControl commentId={comment.id} label={`Report comment by ${comment.author.displayName}`} />
            </li>
          ))}
        </ol>
        <CommentComposer post={postCommentAction} />
        <div className="report-article">
          <ReportControl postId={postId} label="Report this article" />
        </div>
      </CommentsProvider>
    </section>
  );
}
