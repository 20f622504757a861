"use client";

import { Form, Field } from "@/components/form";
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
      <Form action={approve} className="admin-form" label={`Approve “${title}”`}>
        {hidden}
        {changes ? null : (
          <Field name="publishAt" label="Publish at (UTC, leave empty for now)">
            <input id={id("publishAt")} type="datetime-local" />
          </Field>
        )}
        <button type="submit">{changes ? "Approve changes" : "Approve and publish"}</button>
      </Form>
      <Form action={requestChanges} className="admin-form" label={`Request changes to “${title}”`}>
        {hidden}
        <Field name="note" label="Note for the author">
          <textarea id={id("note")} rows={3} maxLength={2000} required />
        </Field>
        <button type="submit" className="secondary">
          Request changes
        </button>
      </Form>
      <Form action={reject} className="admin-form" label={`Reject “${title}”`}>
        {hidden}
        <Field name="reason" label="Reason for rejecting">
          <textarea id={id("reason")} rows={3} maxLength={2000} required />
        </Field>
        <button type="submit" className="danger" data-confirm={`Reject “${title}”?`}>
          Reject
        </button>
      </Form>
    </div>
  );
}
