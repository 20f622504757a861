"use client";

import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { snapshot, type EditorFields } from "@/components/editor/types";

type Stored = { fields: EditorFields; savedAt: number };

/** A post never saved yet keeps its text under "new", so the next "New post" offers it even though it is another draft. */
const storageKey = (postId: string | "new") => `broadsheet:post-draft:${postId}`;
const subscribeToNothing = () => () => {};

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function parse(raw: string | null): Stored | null {
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Stored;
    return stored && typeof stored === "object" && stored.fields ? stored : null;
  } catch {
    return null;
  }
}

/**
 * Every change is kept in this browser until the server has it, so a crash,
 * a closed tab or a lost connection loses nothing. On opening the editor, what
 * an earlier visit kept (and the server never got) is offered back.
 * `storageId` is the post's id, or "new" while a blank draft has never been
 * saved (its text may have no title yet, and so no server copy).
 */
export function useLocalDraft({ storageId, fields, dirty, enabled, serverSnapshot }: { storageId: string | "new"; fields: EditorFields; dirty: boolean; enabled: boolean; serverSnapshot: string }) {
  const key = storageKey(storageId);
  // What was stored when the editor opened: read once per mount, and only in the browser
  // (the server's HTML and hydration see null), so later writes don't turn into an offer.
  const opened = useRef<string | null | undefined>(undefined);
  const getSnapshot = useCallback(() => {
    if (opened.current === undefined) opened.current = read(key);
    return opened.current;
  }, [key]);
  const raw = useSyncExternalStore(subscribeToNothing, getSnapshot, () => null);
  const [answered, setAnswered] = useState(false);
  const kept = useMemo(() => parse(raw), [raw]);
  const offer = enabled && !answered && kept && snapshot(kept.fields) !== serverSnapshot ? kept : null;

  const clear = useCallback(() => {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // Unavailable storage holds nothing to clear.
    }
  }, [key]);

  // A kept copy that says what the server says is no longer needed.
  useEffect(() => {
    if (kept && snapshot(kept.fields) === serverSnapshot) clear();
  }, [kept, serverSnapshot, clear]);

  useEffect(() => {
    if (!enabled || !dirty) return;
    try {
      window.localStorage.setItem(key, JSON.stringify({ fields, savedAt: Date.now() } satisfies Stored));
    } catch {
      // Storage full or disabled: the server save still runs.
    }
  }, [enabled, dirty, fields, key]);

  return {
    offer,
    accept: () => {
      setAnswered(true);
      return offer?.fields ?? null;
    },
    dismiss: () => {
      setAnswered(true);
      clear();
    },
    clear,
  };
}
