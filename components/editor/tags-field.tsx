"use client";

import { useState } from "react";
import { FieldError, describedBy } from "@/components/editor/field-error";
import type { FieldErrors } from "@/components/editor/types";

/** Pick existing tags or type new ones (Enter, comma or leaving the field adds one). */
export function TagsField({ tags, tagNames, readOnly, fieldErrors, onChange }: { tags: string[]; tagNames: string[]; readOnly: boolean; fieldErrors: FieldErrors; onChange: (tags: string[]) => void }) {
  const [draft, setDraft] = useState("");

  function add(name: string) {
    const clean = name.trim().replace(/,+$/, "").trim();
    if (!clean) return;
    if (!tags.some((t) => t.toLowerCase() === clean.toLowerCase())) onChange([...tags, clean]);
    setDraft("");
  }

  return (
    <div className="field">
      <label htmlFor="post-tags">Tags</label>
      {tags.length ? (
        <ul className="chip-list" aria-label="Chosen tags">
          {tags.map((tag) => (
            <li key={tag}>
              {tag}
              {!readOnly ? (
                <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => onChange(tags.filter((t) => t !== tag))}>
                  ×
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {!readOnly ? (
        <>
          <input
            id="post-tags"
            list="tag-options"
            value={draft}
            placeholder="Pick or type a new tag, then Enter"
            onChange={(e) => {
              const value = e.target.value;
              if (value.endsWith(",")) add(value);
              else setDraft(value);
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                add(draft);
              }
            }}
            onBlur={() => add(draft)}
            aria-describedby={describedBy(fieldErrors, "tags")}
          />
          <datalist id="tag-options">
            {tagNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      ) : null}
      <FieldError errors={fieldErrors} name="tags" />
    </div>
  );
}
