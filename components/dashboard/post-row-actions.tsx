"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/authed-action";

type PostAction = (input: { postId: string }) => Promise<ActionResult<unknown>>;

/** Delete (archive first, then for good) and restore, each confirmed. */
export function PostRowActions({
  postId,
  title,
  archived,
  canDelete,
  deletePostAction,
  restoreArchivedAction,
}: {
  postId: string;
  title: string;
  archived: boolean;
  canDelete: boolean;
  /** Server actions (app/dashboard/posts/actions.ts), passed in by the page. */
  deletePostAction: PostAction;
  restoreArchivedAction: PostAction;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function run(question: string, action: () => Promise<{ ok: boolean; error?: string }>) {
    if (!window.confirm(question)) return;
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setError(result.error || "That did not work.");
      router.refresh();
    });
  }

  return (
    <>
      {archived ? (
        <button type="button" className="link-button" disabled={pending} onClick={() => run(`Restore “${title}” as a draft?`, () => restoreArchivedAction({ postId }))}>
          Restore
        </button>
      ) : null}
      {canDelete ? (
        <button
          type="button"
          className="link-button danger-link"
          disabled={pending}
          aria-label={`${archived ? "Delete for good" : "Delete"} “${title}”`}
          onClick={() =>
            run(
              archived ? `Delete “${title}” for good? This cannot be undone.` : `Move “${title}” to the archive? Readers will no longer see it; you can restore it from Archived.`,
              () => deletePostAction({ postId }),
            )
          }
        >
          {archived ? "Delete for good" : "Delete"}
        </button>
      ) : null}
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
