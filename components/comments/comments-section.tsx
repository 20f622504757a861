import "./comments.css";
import { formatDateTime } from "@/components/format";
import { CommentBody } from "@/components/comments/comment-body";
import { CommentComposer, CommentsProvider, ReportControl } from "@/components/comments/comments-client";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type ApprovedComment = { id: string; body: string; createdAt: Date; author: { displayName: string } };

/**
 * Comments under an article: the approved comments the page read (the same
 * for every reader, so the page can be cached), plus the visitor's part
 * (form, their pending comments, report buttons) fetched in the browser.
 * Mount it on a PUBLISHED article page with the page's comments and the two
 * server actions (app/comments/actions.ts).
 */
export function CommentsSection({ postId, postSlug, comments, postComment, report }: { postId: string; postSlug: string; comments: ApprovedComment[]; postComment: Action; report: Action }) {
  return (
    <section className="comments" id="comments" aria-labelledby="comments-heading">
      <CommentsProvider postId={postId} postSlug={postSlug} report={report}>
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
        <CommentComposer post={postComment} />
        <div className="report-article">
          <ReportControl postId={postId} label="Report this article" />
        </div>
      </CommentsProvider>
    </section>
  );
}
