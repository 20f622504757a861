"use client";

import { useCallback, useEffect, useRef } from "react";
import { AUTOSAVE_DELAY_MS, isDirty, retryDelay, type EditorState, type SavedPost } from "@/components/editor/save-state";
import { savePayload, type Conflict, type FieldErrors } from "@/components/editor/types";
import type { EditorStore } from "@/components/editor/hooks/use-editor-store";

type Reason = "autosave" | "save";

function saveRequest(state: EditorState, reason: Reason, keepalive = false): RequestInit {
  const { fields, slugTouched, post } = state;
  return {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    // A slug that still follows the title is left to the server, which picks a free one.
    body: JSON.stringify({ ...savePayload(fields), slug: slugTouched ? fields.slug : "", expectedVersion: post.version, reason }),
    keepalive,
  };
}

/** The last save on the way out (page closed, editor left): a keepalive request, answered to no one. The local copy stays in case it fails. */
function sendLastSave(store: EditorStore) {
  const current = store.getState();
  if (current.conflict || !isDirty(current) || !current.fields.title.trim()) return;
  void fetch(`/api/posts/${current.post.id}`, saveRequest(current, "autosave", true)).catch(() => undefined);
}

/**
 * Saves the editor's text: a few seconds after the last change, at once when
 * the browser comes back online, with a keepalive request when the page is
 * closed, and on demand (`flush`, which every transition awaits first).
 * One save is in flight at a time; a failed one is retried with back-off
 * (retryDelay). Timers live in effects, so unmounting clears them all. `flush` resolves true when
 * the server has everything typed so far.
 */
export function useAutosave(store: EditorStore, state: EditorState, { enabled, onSaved }: { enabled: boolean; onSaved: () => void }) {
  const inFlight = useRef<Promise<boolean> | null>(null);
  const paused = useRef(false);
  const onSavedRef = useRef(onSaved);
  useEffect(() => {
    onSavedRef.current = onSaved;
  }, [onSaved]);

  const send = useCallback(
    async (reason: Reason): Promise<boolean> => {
      const before = store.getState();
      const sent = before.fields;
      store.dispatch({ type: "saveStarted" });
      try {
        const response = await fetch(`/api/posts/${before.post.id}`, saveRequest(before, reason));
        const result = await response.json().catch(() => null);
        if (response.ok && result?.ok) {
          const live = typeof result.hasWorkingCopy === "boolean" ? { hasChanges: result.hasWorkingCopy as boolean, slug: (result.liveSlug as string) ?? before.post.live.slug } : undefined;
          store.dispatch({ type: "saveSucceeded", sent, post: result.post as SavedPost, live });
          onSavedRef.current();
          return true;
        }
        if (response.status === 409 && result?.details) {
          store.dispatch({ type: "conflict", conflict: result.details as Conflict });
          return false;
        }
        // 503: the site can't reach its database for a moment; retried like a network error.
        if (response.status >= 500 || !result) throw Object.assign(new Error("server"), { unavailable: response.status === 503 });
        store.dispatch({ type: "saveRejected", message: result.error ?? "Not saved.", fieldErrors: (result.fieldErrors ?? {}) as FieldErrors });
        return false;
      } catch (error) {
        // Network down or the server failed: the text is kept in this browser (useLocalDraft) and retried (below).
        store.dispatch({ type: "saveFailed", unavailable: !!(error as { unavailable?: boolean }).unavailable });
        return false;
      }
    },
    [store],
  );

  const flush = useCallback(
    async (reason: Reason): Promise<boolean> => {
      while (inFlight.current) await inFlight.current;
      const current = store.getState();
      if (!enabled || current.conflict || paused.current) return false;
      if (!isDirty(current)) return true;
      if (!current.fields.title.trim()) {
        store.dispatch({ type: "saveRejected", message: null, fieldErrors: { title: ["Enter a title."] } });
        return false;
      }
      const run = send(reason);
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [enabled, send, store],
  );
  /** Runs `task` with saves held back (and after the one in flight): "Discard changes" must not be undone by a late autosave. */
  const withSavesPaused = useCallback(async <T,>(task: () => Promise<T>): Promise<T> => {
    paused.current = true;
    try {
      if (inFlight.current) await inFlight.current;
      return await task();
    } finally {
      paused.current = false;
    }
  }, []);

  const dirty = isDirty(state);
  const { fields, status, failures } = state;
  // Autosave a few seconds after the last change (retries and going back online have their own triggers).
  useEffect(() => {
    if (!enabled || !dirty || status !== "dirty" || !fields.title.trim()) return;
    const timer = setTimeout(() => void flush("autosave"), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [enabled, dirty, status, fields, flush]);

  // After a failed save: try again with back-off (typing meanwhile does not postpone it).
  useEffect(() => {
    if (!enabled || (status !== "retrying" && status !== "offline")) return;
    const timer = setTimeout(() => void flush("autosave"), retryDelay(failures));
    return () => clearTimeout(timer);
  }, [enabled, status, failures, flush]);

  useEffect(() => {
    const online = () => {
      store.dispatch({ type: "online" });
      void flush("autosave");
    };
    const offline = () => store.dispatch({ type: "offline" });
    const leave = () => {
      if (enabled) sendLastSave(store);
    };
    window.addEventListener("online", online);
    window.addEventListener("offline", offline);
    window.addEventListener("pagehide", leave);
    return () => {
      window.removeEventListener("online", online);
      window.removeEventListener("offline", offline);
      window.removeEventListener("pagehide", leave);
    };
  }, [enabled, flush, store]);

  // Leaving the editor inside the app (a link, "Back"): the same last request as closing the page.
  useEffect(() => {
    return () => {
      if (enabled) sendLastSave(store);
    };
  }, [enabled, store]);

  return { flush, withSavesPaused };
}
