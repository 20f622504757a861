import Link from "next/link";
import { DISPLAY_STATUS_LABELS, type DisplayStatus } from "@/lib/posts/display-status";
import { SAVE_STATUS_TEXT, type SaveStatus } from "@/components/editor/save-state";
import type { LiveState, PostStatus } from "@/components/editor/types";

/** Where the text stands: saved or not, the post's status, and which version readers see. */
export function PublishPanel({
  postId,
  readOnly,
  saveStatus,
  neverSaved,
  status,
  displayed,
  live,
  unpublished,
  children,
}: {
  postId: string;
  readOnly: boolean;
  saveStatus: SaveStatus;
  /** A blank draft the server has no text of yet. */
  neverSaved: boolean;
  status: PostStatus;
  displayed: DisplayStatus;
  live: LiveState;
  unpublished: boolean;
  /** The buttons. */
  children: React.ReactNode;
}) {
  const isLive = status === "PUBLISHED";
  const scheduled = displayed === "SCHEDULED";
  return (
    <div className="panel">
      <p className="save-state" role="status" aria-live="polite" data-state={saveStatus}>
        {readOnly ? "Read only" : neverSaved && saveStatus === "saved" ? "Not saved yet" : SAVE_STATUS_TEXT[saveStatus]}
      </p>
      <p className="meta">
        Status: <span className={`status status-${displayed}`}>{DISPLAY_STATUS_LABELS[displayed]}</span>
      </p>
      {isLive ? (
        <p className={`live-state${unpublished ? " has-changes" : ""}`} data-testid="live-state">
          {unpublished ? (
            <>
              <strong>Unpublished changes</strong> — {scheduled ? "the scheduled version stays as it was until you update it." : "readers still see the published version."}
              {live.submitted ? " Submitted for review." : ""}
            </>
          ) : (
            <>
              <strong>Live</strong> — {scheduled ? "this is the version that will be published." : "readers see this version."}
            </>
          )}
        </p>
      ) : null}
      {!readOnly ? children : null}
      {status === "ARCHIVED" ? <p className="meta">Archived: readers don’t see it. Restore it as a draft to publish it again.</p> : null}
      {!neverSaved ? (
        <p className="meta">
          {displayed === "PUBLISHED" ? (
            <>
              <Link href={`/posts/${live.slug}`}>View post</Link>
              {live.hasChanges ? (
                <>
                  {" · "}
                  <Link href={`/dashboard/posts/${postId}/preview`}>Preview changes</Link>
                </>
              ) : null}
            </>
          ) : (
            <Link href={`/dashboard/posts/${postId}/preview`}>Open full preview</Link>
          )}
        </p>
      ) : null}
    </div>
  );
}
