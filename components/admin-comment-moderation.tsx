"use client";

import { formatDateTime } from "@/components/format";
import Link from "next/link";
import { useState } from "react";
import { Form } from "@/components/form";
import { ActionButton } from "@/components/admin-action-button";
import { CommentBody } from "@/components/comments/comment-body";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type ModerationComment = {
  id: string;
  body: string;
  status: string;
  createdAt: string;
  author: { displayName: string; username: string; suspended: boolean };
  post: { title: string; slug: string };
  openReports: number;
  reports: { id: string; reason: string; reporter: string }[];
  postFilterHref: string;
  userFilterHref: string;
};

const STATUS_LABEL: Record<string, string> = { PENDING: "Pending", APPROVED: "Approved", REJECTED: "Rejected", SPAM: "Spam" };

/** The moderation list: checkboxes for bulk decisions, per-comment buttons, report details. */
export function CommentModerationList({ comments, tab, moderate, dismissReports }: { comments: ModerationComment[]; tab: string; moderate: Action; dismissReports: Action }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  if (comments.length === 0) return <p>No comments here.</p>;
  // Comments decided a moment ago leave the list: only count what is still shown.
  const chosen = comments.filter((c) => selected.has(c.id)).map((c) => c.id);
  const allSelected = chosen.length === comments.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const decisions = [
    tab !== "approved" ? { value: "approve", label: "Approve" } : null,
    tab !== "rejected" ? { value: "reject", label: "Reject" } : null,
    tab !== "rejected" ? { value: "spam", label: "Spam" } : null,
    { value: "delete", label: "Delete" },
  ].filter((d): d is { value: string; label: string } => d !== null);

  return (
    <>
      <Form action={moderate} className="bulk-form" label="Bulk moderation">
        {chosen.map((id) => (
          <input key={id} type="hidden" name="commentIds" value={id} />
        ))}
        <div className="bulk-bar">
          <label className="check-label">
            <input type="checkbox" checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(comments.map((c) => c.id)))} /> Select all on this page
          </label>
          <span className="meta" aria-live="polite">
            {chosen.length} selected
          </span>
          {decisions.map((d) => (
            <button
              key={d.value}
              type="submit"
              name="decision"
              value={d.value}
              className={d.value === "delete" ? "danger" : "secondary"}
              disabled={chosen.length === 0}
              data-confirm={d.value === "delete" ? `Delete ${chosen.length} comment(s) for good?` : undefined}
            >
              {d.label} selected
            </button>
          ))}
        </div>
      </Form>
      <ul className="moderation-list">
        {comments.map((c) => (
          <li key={c.id} className="moderation-item">
            <div className="moderation-select">
              <input type="checkbox" id={`select-${c.id}`} checked={selected.has(c.id)} onChange={() => toggle(c.id)} />
              <label htmlFor={`select-${c.id}`} className="visually-hidden">
                Select comment by {c.author.displayName} on {c.post.title}
              </label>
            </div>
            <div className="moderation-content">
              <p className="meta">
                <strong>{c.author.displayName}</strong> (<Link href={c.userFilterHref}>@{c.author.username}</Link>)
                {c.author.suspended ? <span className="status status-REJECTED">Suspended</span> : null} on{" "}
                <Link href={c.postFilterHref}>{c.post.title}</Link> · <time dateTime={c.createdAt}>{formatDateTime(new Date(c.createdAt))}</time> ·{" "}
                <span className={`status status-comment-${c.status}`}>{STATUS_LABEL[c.status] ?? c.status}</span>
                {c.openReports > 0 ? (
                  <span className="status status-REJECTED">
                    {c.openReports} report{c.openReports === 1 ? "" : "s"}
                  </span>
                ) : null}
              </p>
              <CommentBody text={c.body} />
              {c.reports.length > 0 ? (
                <ul className="plain-list meta report-reasons">
                  {c.reports.map((r) => (
                    <li key={r.id}>
                      Reported by {r.reporter}: “{r.reason}”
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="row-actions">
                {decisions.map((d) => (
                  <ActionButton
                    key={d.value}
                    action={moderate}
                    fields={{ commentIds: c.id, decision: d.value }}
                    variant={d.value === "delete" ? "danger" : d.value === "approve" ? undefined : "secondary"}
                    confirm={d.value === "delete" ? "Delete this comment for good?" : undefined}
                    about={`comment by ${c.author.displayName}`}
                  >
                    {d.label}
                  </ActionButton>
                ))}
                {c.openReports > 0 ? (
                  <ActionButton action={dismissReports} fields={{ commentId: c.id }} variant="secondary" about={`on comment by ${c.author.displayName}`}>
                    Dismiss reports
                  </ActionButton>
                ) : null}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
