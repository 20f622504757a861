import { formatDateTime } from "@/components/format";
import type { Notice } from "@/components/editor/save-state";
import type { Conflict, LiveState, PostStatus } from "@/components/editor/types";

/** What this browser kept of an earlier visit that never reached the server. */
export function RestoreBanner({ savedAt, onRestore, onDiscard }: { savedAt: number; onRestore: () => void; onDiscard: () => void }) {
  return (
    <div className="notice restore-banner" role="status">
      <p>This browser kept changes that were not saved ({formatDateTime(savedAt, { seconds: true })}).</p>
      <div className="button-row">
        <button type="button" onClick={onRestore}>
          Restore unsaved changes
        </button>
        <button type="button" className="secondary" onClick={onDiscard}>
          Discard them
        </button>
      </div>
    </div>
  );
}

/** Someone saved since this editor loaded: nothing was overwritten, and the author chooses. */
export function ConflictBanner({ conflict, onReload, onKeepMine }: { conflict: Conflict; onReload: () => void; onKeepMine: () => void }) {
  return (
    <div className="form-error conflict" role="alert">
      <p>
        <strong>This post was changed elsewhere</strong>
        {conflict.savedBy ? ` by ${conflict.savedBy}` : ""} since you opened it. Your text has not been saved and is still here.
      </p>
      <div className="button-row">
        <button type="button" onClick={onReload}>
          Reload their version
        </button>
        <button type="button" className="secondary" onClick={onKeepMine}>
          Keep my copy
        </button>
      </div>
      <p className="meta">“Keep my copy” saves your text as a new draft; “Reload their version” replaces your text with the saved one.</p>
    </div>
  );
}

export function NoticeLine({ notice }: { notice: Notice }) {
  return (
    <p className={notice.kind === "error" ? "form-error" : "notice"} role={notice.kind === "error" ? "alert" : "status"}>
      {notice.text}
    </p>
  );
}

/** The note travels with a rejection and with "request changes" (back to draft) until the next submission. */
export function ReviewNotes({ status, reviewNote, live }: { status: PostStatus; reviewNote: string | null; live: LiveState }) {
  return (
    <>
      {status === "PUBLISHED" && live.note && !live.submitted ? (
        <div className="notice review-request">
          <strong>Changes requested. Editor’s note:</strong> {live.note}
        </div>
      ) : null}
      {reviewNote && (status === "REJECTED" || status === "DRAFT") ? (
        <div className={status === "REJECTED" ? "form-error" : "notice review-request"}>
          <strong>{status === "REJECTED" ? "Rejected. Editor’s note:" : "Changes requested. Editor’s note:"}</strong> {reviewNote}
        </div>
      ) : null}
    </>
  );
}
