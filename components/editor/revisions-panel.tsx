"use client";

import { useState } from "react";
import { diffWords } from "diff";
import type { EditorActions, RevisionRow as Revision } from "@/components/editor/types";
import { formatDateTime } from "@/components/format";

const REASONS: Record<string, string> = {
  create: "Created",
  autosave: "Autosaved",
  save: "Saved",
  publish: "Published",
  schedule: "Scheduled",
  restore: "Restored",
  updated: "Updated (went live)",
};


/** Who saved when; the difference of a revision to the current text; restore. */
export function RevisionsPanel({
  postId,
  currentBody,
  canRestore,
  onRestore,
  listRevisions,
  getRevision,
}: {
  postId: string;
  currentBody: string;
  canRestore: boolean;
  onRestore: (revisionId: string) => Promise<void>;
  listRevisions: EditorActions["listRevisions"];
  getRevision: EditorActions["getRevision"];
}) {
  const [revisions, setRevisions] = useState<Revision[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [diff, setDiff] = useState<{ id: string; parts: { value: string; added?: boolean; removed?: boolean }[] } | null>(null);

  async function load() {
    const result = await listRevisions({ postId });
    if (result.ok) setRevisions(result.data);
    else setError(result.error);
  }

  async function showDiff(revisionId: string) {
    if (diff?.id === revisionId) return setDiff(null);
    const result = await getRevision({ postId, revisionId });
    if (!result.ok) return setError(result.error);
    setDiff({ id: revisionId, parts: diffWords(result.data.body, currentBody) });
  }

  return (
    <details className="panel" onToggle={(e) => (e.currentTarget.open ? void load() : undefined)}>
      <summary>Revisions</summary>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {!revisions ? (
        <p className="meta">Loading…</p>
      ) : (
        <ol className="revision-list">
          {revisions.map((revision) => (
            <li key={revision.id}>
              <div>
                <strong>{REASONS[revision.reason] ?? revision.reason}</strong> by {revision.savedBy ?? "a deleted user"}
                <br />
                <time dateTime={revision.createdAt}>{formatDateTime(revision.createdAt, { seconds: true })}</time> · v{revision.version}
              </div>
              <div className="button-row">
                <button type="button" className="secondary small" onClick={() => void showDiff(revision.id)} aria-expanded={diff?.id === revision.id}>
                  {diff?.id === revision.id ? "Hide changes" : "Show changes"}
                </button>
                {canRestore ? (
                  <button
                    type="button"
                    className="secondary small"
                    onClick={async () => {
                      if (!window.confirm("Replace the current title, excerpt and text with this revision? The current text stays in the history.")) return;
                      await onRestore(revision.id);
                      await load();
                    }}
                  >
                    Restore
                  </button>
                ) : null}
              </div>
              {diff?.id === revision.id ? (
                <div className="diff" aria-label="Changes from this revision to the current text">
                  {diff.parts.every((p) => !p.added && !p.removed) ? (
                    <p className="meta">Same text as now.</p>
                  ) : (
                    diff.parts.map((part, i) => (part.added ? <ins key={i}>{part.value}</ins> : part.removed ? <del key={i}>{part.value}</del> : <span key={i}>{part.value}</span>))
                  )}
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
