"use client";

import { AdminForm, FieldError } from "@/components/admin-form";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Approve / request changes / reject for one post in the review queue. */
export function ReviewDecisionForms({
  postId,
  version,
  title,
  changes = false,
  approve,
  requestChanges,
  reject,
}: {
  postId: string;
  version: number;
  title: string;
  /** Submitted changes to a published post: approving makes them live (the publication date stays). */
  changes?: boolean;
  approve: Action;
  requestChanges: Action;
  reject: Action;
}) {
  const id = (name: string) => `${name}-${postId}`;
  const hidden = (
    <>
      <input type="hidden" name="postId" value={postId} />
      <input type="hidden" name="expectedVersion" value={version} />
    </>
  );
  return (
    <div className="review-decisions">
      <AdminForm action={approve} label={`Approve “${title}”`}>
        {hidden}
        {changes ? null : (
          <div className="field">
            <label htmlFor={id("publishAt")}>Publish at (UTC, leave empty for now)</label>
            <input id={id("publishAt")} name="publishAt" type="datetime-local" />
            <FieldError name="publishAt" />
          </div>
        )}
        <button type="submit">{changes ? "Approve changes" : "Approve and publish"}</button>
      </AdminForm>
      <AdminForm action={requestChanges} label={`Request changes to “${title}”`}>
        {hidden}
        <div className="field">
          <label htmlFor={id("note")}>Note for the author</label>
          <textarea id={id("note")} name="note" rows={3} maxLength={2000} required />
          <FieldError name="note" />
        </div>
        <button type="submit" className="secondary">
          Request changes
        </button>
      </AdminForm>
      <AdminForm action={reject} label={`Reject “${title}”`}>
        {hidden}
        <div className="field">
          <label htmlFor={id("reason")}>Reason for rejecting</label>
          <textarea id={id("reason")} name="reason" rows={3} maxLength={2000} required />
          <FieldError name="reason" />
        </div>
        <button type="submit" className="danger" data-confirm={`Reject “${title}”?`}>
          Reject
        </button>
      </AdminForm>
    </div>
  );
}
