"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { fieldsOf, savePayload, type ActionOutcome, type EditorActions, type PostSummary, type PostStatus } from "@/components/editor/types";
import type { EditorStore } from "@/components/editor/hooks/use-editor-store";

export type TransitionName = "save" | "publish" | "schedule" | "unpublish" | "update" | "submit" | "restore";
type Run = ((postId: string, expectedVersion: number) => Promise<ActionOutcome<PostSummary>>) | null;

const NOT_SAVED = "Your changes could not be saved, so nothing else was done. Your text is kept here.";

/**
 * Everything the editor does besides typing: publish, schedule, update,
 * submit, unpublish, restore, discard, resolving a conflict. Each one first
 * flushes the autosave, so it acts on exactly the text on screen.
 */
export function usePostTransitions({
  store,
  actions,
  flush,
  withSavesPaused,
  clearLocal,
}: {
  store: EditorStore;
  actions: EditorActions;
  flush: (reason: "save") => Promise<boolean>;
  withSavesPaused: <T>(task: () => Promise<T>) => Promise<T>;
  clearLocal: () => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const router = useRouter();
  const { dispatch, getState } = store;

  async function whileBusy(name: string, task: () => Promise<void>) {
    setBusy(name);
    dispatch({ type: "notify", notice: null });
    try {
      await task();
    } finally {
      setBusy(null);
    }
  }

  /** Saves pending text first, then runs the transition (null: saving was all there was to do). */
  const transition = (name: TransitionName, run: Run, success: string) =>
    whileBusy(name, async () => {
      if (!(await flush("save"))) return dispatch({ type: "failed", message: NOT_SAVED });
      const { post } = getState();
      if (!run) return dispatch({ type: "notify", notice: { kind: "notice", text: success } });
      const result = await run(post.id, post.version);
      if (!result.ok) {
        if (result.code !== "CONFLICT") return dispatch({ type: "failed", message: result.error || "That did not work.", fieldErrors: result.fieldErrors });
        const fresh = await actions.loadPost({ postId: post.id });
        if (fresh.ok) dispatch({ type: "conflict", conflict: { version: fresh.data.version, title: fresh.data.title, body: fresh.data.body, savedBy: null, updatedAt: new Date().toISOString() } });
        return;
      }
      const next = { ...result.data, status: result.data.status as PostStatus };
      // Submitting a live post's changes keeps them unpublished; every other transition takes them live (or into the draft).
      const live = name === "submit" && next.status === "PUBLISHED" ? { ...post.live, submitted: true, note: null } : { hasChanges: false, slug: next.slug, submitted: false, note: null };
      dispatch({ type: "transitioned", post: next, live, notice: { kind: "notice", text: success } });
    });

  async function reloadTheirs() {
    const result = await actions.loadPost({ postId: getState().post.id });
    if (!result.ok) return dispatch({ type: "failed", message: result.error });
    const p = result.data;
    dispatch({
      type: "loaded",
      fields: fieldsOf(p),
      post: { version: p.version, status: p.status as PostStatus, publishedAt: p.publishedAt, live: { ...getState().post.live, hasChanges: p.hasWorkingCopy, slug: p.liveSlug } },
      notice: { kind: "notice", text: "Loaded the latest saved version." },
    });
    clearLocal();
  }

  /** "Discard changes": drop a published post's working copy and show the live version again. */
  const discard = () =>
    whileBusy("discard", () =>
      withSavesPaused(async () => {
        const { post } = getState();
        const result = await actions.discardChanges({ postId: post.id, expectedVersion: post.version });
        if (!result.ok) {
          return dispatch({ type: "failed", message: result.code === "CONFLICT" ? "This post was changed elsewhere since you opened it; reload the page to see the latest version." : result.error });
        }
        const fresh = await actions.loadPost({ postId: post.id });
        if (!fresh.ok) return dispatch({ type: "failed", message: fresh.error });
        const p = fresh.data;
        dispatch({
          type: "loaded",
          fields: fieldsOf(p),
          post: { version: p.version, status: p.status as PostStatus, publishedAt: p.publishedAt, live: { hasChanges: false, slug: p.liveSlug, submitted: false, note: null } },
          notice: { kind: "notice", text: "Changes discarded. This is the published version readers see." },
        });
        clearLocal();
      }),
    );

  /** "Keep my copy" after a conflict: the text on screen becomes a new draft, opened in a fresh editor. */
  async function keepMine() {
    const mine = getState().fields;
    const response = await fetch("/api/posts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...savePayload(mine), title: `${mine.title} (my copy)`.slice(0, 200), slug: "" }),
    }).catch(() => null);
    const result = await response?.json().catch(() => null);
    if (!response?.ok || !result?.ok) return dispatch({ type: "failed", message: result?.error ?? "Could not save your copy; your text is still here." });
    clearLocal();
    // The page keys the editor by post id, so this mounts a fresh one for the copy.
    router.push(`/dashboard/posts/${result.post.id}/edit?copied=1`);
  }

  async function restoreRevision(revisionId: string) {
    if (!(await flush("save"))) return;
    const { post, fields } = getState();
    const result = await actions.restoreRevision({ postId: post.id, revisionId, expectedVersion: post.version });
    if (!result.ok) return dispatch({ type: "failed", message: result.error });
    const { title, excerpt, body, version } = result.data;
    dispatch({ type: "loaded", fields: { ...fields, title, excerpt, body }, post: { version }, notice: { kind: "notice", text: "Revision restored." } });
  }

  return { busy, transition, reloadTheirs, discard, keepMine, restoreRevision };
}
