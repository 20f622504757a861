"use client";

import { useLayoutEffect, useRef, type RefObject } from "react";
import type { EditorFields } from "@/components/editor/types";

type TextKey = "title" | "body" | "excerpt";

/** What a field shows for a value: inputs drop line breaks, textareas turn CRLF into LF. */
const shown = (key: TextKey, value: string) => (key === "title" ? value.replace(/[\r\n]/g, "") : value.replace(/\r\n?/g, "\n"));

/**
 * The server's HTML has working text fields before the scripts arrive (a slow
 * network): whatever was typed into them meanwhile becomes the editor's text
 * instead of being reset by React's first render. Checked once, when the
 * editor first commits (hydration leaves the fields' values alone).
 */
export function useTypedBeforeHydration(inputs: Record<TextKey, RefObject<HTMLInputElement | HTMLTextAreaElement | null>>, fields: EditorFields, onEdit: (changes: Partial<EditorFields>) => void) {
  const checked = useRef(false);
  useLayoutEffect(() => {
    if (checked.current) return;
    checked.current = true;
    const changes: Partial<EditorFields> = {};
    for (const key of ["title", "body", "excerpt"] as const) {
      const value = inputs[key].current?.value;
      if (value !== undefined && value !== shown(key, fields[key])) changes[key] = value;
    }
    if (Object.keys(changes).length) onEdit(changes);
  }, [inputs, fields, onEdit]);
}
