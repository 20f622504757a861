"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { Form, Field, SubmitButton } from "@/components/form";
import { CommentBody } from "@/components/comments/comment-body";
import { formatDateTime } from "@/components/format";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** GET /api/comments/viewer (lib/posts/article-viewer.ts). */
type Viewer = {
  signedIn: boolean;
  canComment: boolean;
  canReport: boolean;
  editUrl: string | null;
  pending: { id: string; body: string; createdAt: string; authorName: string }[];
};

// One request per page view, shared by the comments and the Edit link (mounted together); reload() asks again.
// An answer older than a few seconds is not reused: coming back to the article later asks afresh.
const SHARE_FOR_MS = 3_000;
const viewerRequests = new Map<string, { at: number; request: Promise<Viewer | null> }>();
function loadViewer(postId: string, fresh: boolean): Promise<Viewer | null> {
  const recent = viewerRequests.get(postId);
  if (recent && !fresh && Date.now() - recent.at < SHARE_FOR_MS) return recent.request;
  const request = fetch(`/api/comments/viewer?postId=${encodeURIComponent(postId)}`, { cache: "no-store", credentials: "same-origin" })
    .then((r) => (r.ok ? (r.json() as Promise<Viewer>) : null))
    .catch(() => null);
  viewerRequests.set(postId, { at: Date.now(), request });
  return request;
}

function useViewer(postId: string, generation = 0): Viewer | null {
  const [viewer, setViewer] = useState<Viewer | null>(null);
  useEffect(() => {
    let live = true;
    void loadViewer(postId, generation > 0).then((data) => live && setViewer(data));
    return () => {
      live = false;
    };
  }, [postId, generation]);
  return viewer;
}

/** "Edit this article" for those allowed to (canOnPost "edit"); nothing for everyone else. */
export function ArticleEditLink({ postId }: { postId: string }) {
  const viewer = useViewer(postId);
  if (!viewer?.editUrl) return null;
  return (
    <p className="article-edit-link">
      <Link href={viewer.editUrl}>Edit this article</Link>
    </p>
  );
}

type CommentsContextValue = { viewer: Viewer | null; reload: () => void; postId: string; postSlug: string; report: Action };
const CommentsContext = createContext<CommentsContextValue | null>(null);

/**
 * Fetches the visitor's part of the page once (/api/comments/viewer) and
 * shares it with the form and the report buttons.
 */
export function CommentsProvider({ postId, postSlug, report, children }: { postId: string; postSlug: string; report: Action; children: React.ReactNode }) {
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const viewer = useViewer(postId, generation);
  return <CommentsContext.Provider value={{ viewer, reload, postId, postSlug, report }}>{children}</CommentsContext.Provider>;
}

function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error("Comment components must be inside <CommentsSection>.");
  return value;
}

/** The visitor's pending comments (or all pending ones for the post's author and editors) and the comment form. */
export function CommentComposer({ post }: { post: Action }) {
  const { viewer, reload, postId, postSlug } = useComments();
  const router = useRouter();
  if (!viewer) return null;
  return (
    <>
      {viewer.pending.length > 0 ? (
        <div className="pending-comments">
          <h3>Awaiting moderation</h3>
          <ol className="comment-list">
            {viewer.pending.map((c) => (
              <li key={c.id} className="comment comment-pending">
                <p className="comment-meta">
                  <strong>{c.authorName}</strong> · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time> ·{" "}
                  <span className="status status-IN_REVIEW">Pending</span>
                </p>
                <CommentBody text={c.body} />
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {!viewer.signedIn ? (
        <p className="meta">
          <Link href={`/login?callbackUrl=${encodeURIComponent(`/posts/${postSlug}`)}`}>Sign in</Link> to join the conversation.
        </p>
      ) : viewer.canComment ? (
        <Form
          action={async (state, formData) => {
            const result = await post(state, formData);
            if (result?.ok) {
              reload();
              router.refresh();
            }
            return result;
          }}
          className="form comment-form"
          label="Add a comment"
          resetOnSuccess
        >
          <input type="hidden" name="postId" value={postId} />
          <Field name="body" label="Your comment" help="Plain text; links become clickable. Be civil. First comments are checked by an editor before they appear.">
            <textarea id="comment-body" rows={4} maxLength={3000} required />
          </Field>
          <div>
            <SubmitButton pending="Posting…">Post comment</SubmitButton>
          </div>
        </Form>
      ) : null}
    </>
  );
}

/** "Report" for a comment or the article: a reason, then a Report row for the moderators. */
export function ReportControl({ commentId, postId, label }: { commentId?: string; postId?: string; label: string }) {
  const { viewer, report, postSlug } = useComments();
  const [open, setOpen] = useState(false);
  if (!viewer) return null;
  if (!viewer.signedIn) {
    // One sign-in link for the article, not one under every comment.
    if (commentId) return null;
    return (
      <Link className="report-link" href={`/login?callbackUrl=${encodeURIComponent(`/posts/${postSlug}`)}`}>
        Sign in to {label.charAt(0).toLowerCase() + label.slice(1)}
      </Link>
    );
  }
  if (!viewer.canReport) return null;
  const id = `report-${commentId ?? postId}`;
  return open ? (
    <Form action={report} className="form report-form" label={label} renderResult={() => null}>
      {commentId ? <input type="hidden" name="commentId" value={commentId} /> : <input type="hidden" name="postId" value={postId} />}
      <Field name="reason" label="What is wrong?">
        <textarea id={id} rows={2} maxLength={1000} required />
      </Field>
      <div className="row-actions">
        <SubmitButton className="secondary" pending="Sending…">
          Send report
        </SubmitButton>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </Form>
  ) : (
    <button type="button" className="link-button" onClick={() => setOpen(true)} aria-label={commentId ? label : undefined}>
      {commentId ? "Report" : label}
    </button>
  );
}
