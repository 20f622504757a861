"use client";

import { useState, useSyncExternalStore } from "react";
import { editorSaveReducer, type EditorEvent, type EditorState } from "@/components/editor/save-state";

/**
 * The editor's reducer behind a tiny external store: React renders from it,
 * and async code (a save that just finished, a transition right after it)
 * reads `getState()`, which is current the moment `dispatch` returns. That
 * replaces a hand-kept ref copy of the state.
 */
export type EditorStore = {
  getState: () => EditorState;
  dispatch: (event: EditorEvent) => void;
  subscribe: (listener: () => void) => () => void;
};

export function createEditorStore(initial: EditorState): EditorStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(event) {
      const next = editorSaveReducer(state, event);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useEditorStore(init: () => EditorState): [EditorState, EditorStore] {
  const [store] = useState(() => createEditorStore(init()));
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  return [state, store];
}
