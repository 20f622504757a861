"use client";

import { useLayoutEffect, type RefObject } from "react";
import type { EditorFields } from "@/components/editor/types";

type TextKey = "title" | "body" | "excerpt";

/**
 * The server's HTML has working text fields before the scripts arrive (a slow
 * network): whatever was typed into them meanwhile becomes the editor's text
 * instead of being reset by React's first render. After that the fields and
 * the state agree, so this finds nothing to do.
 */
export function useTypedBeforeHydration(inputs: Record<TextKey, RefObject<HTMLInputElement | HTMLTextAreaElement | null>>, fields: EditorFields, onEdit: (changes: Partial<EditorFields>) => void) {
  useLayoutEffect(() => {
    const changes: Partial<EditorFields> = {};
    for (const key of ["title", "body", "excerpt"] as const) {
      const value = inputs[key].current?.value;
      if (value !== undefined && value !== fields[key]) changes[key] = value;
    }
    if (Object.keys(changes).length) onEdit(changes);
  }, [inputs, fields, onEdit]);
}
