"use client";

import { useMemo, useRef, useState, type RefObject } from "react";
import { renderMarkdown, readingMinutes, wordCount } from "@/lib/markdown/render";
import { slugify } from "@/lib/posts/slug";
import { PostArticle } from "@/components/post-article";
import { FieldError, describedBy } from "@/components/editor/field-error";
import { useTypedBeforeHydration } from "@/components/editor/hooks/use-typed-before-hydration";
import type { EditorFields, FieldErrors } from "@/components/editor/types";
import { ImageFileButton } from "@/components/editor/image-file-button";

export type PickImage = (files: FileList | File[] | null | undefined, purpose: "cover" | "inline") => void;

/** Title, Markdown text (with images by button, drop or paste), excerpt, and the live preview tab. */
export function WritePanel({
  fields,
  fieldErrors,
  readOnly,
  onEdit,
  onPickImage,
  bodyRef,
  author,
  categoryName,
  previewDate,
}: {
  fields: EditorFields;
  fieldErrors: FieldErrors;
  readOnly: boolean;
  onEdit: (changes: Partial<EditorFields>) => void;
  onPickImage: PickImage;
  bodyRef: RefObject<HTMLTextAreaElement | null>;
  author: { displayName: string; username: string };
  categoryName: string | null;
  previewDate: Date;
}) {
  const [tab, setTab] = useState<"write" | "preview">("write");
  const html = useMemo(() => (tab === "preview" ? renderMarkdown(fields.body) : ""), [tab, fields.body]);
  const words = wordCount(fields.body);
  const titleRef = useRef<HTMLInputElement>(null);
  const excerptRef = useRef<HTMLTextAreaElement>(null);
  const [textInputs] = useState(() => ({ title: titleRef, body: bodyRef, excerpt: excerptRef }));
  useTypedBeforeHydration(textInputs, fields, onEdit);

  return (
    <>
      <div className="field">
        <label htmlFor="post-title">Title</label>
        <input
          id="post-title"
          ref={titleRef}
          className="title-input"
          value={fields.title}
          onChange={(e) => onEdit({ title: e.target.value })}
          maxLength={200}
          readOnly={readOnly}
          aria-invalid={!!fieldErrors.title?.length}
          aria-describedby={describedBy(fieldErrors, "title")}
        />
        <FieldError errors={fieldErrors} name="title" />
      </div>

      <div className="tabs">
        <div role="tablist" aria-label="Editor view" className="button-row">
          <button type="button" role="tab" id="tab-write" aria-selected={tab === "write"} aria-controls="panel-write" className={tab === "write" ? "" : "secondary"} onClick={() => setTab("write")}>
            Write
          </button>
          <button type="button" role="tab" id="tab-preview" aria-selected={tab === "preview"} aria-controls="panel-preview" className={tab === "preview" ? "" : "secondary"} onClick={() => setTab("preview")}>
            Preview
          </button>
        </div>
        <span className="meta counts" aria-live="off">
          {words} word{words === 1 ? "" : "s"} · {readingMinutes(fields.body)} min read
        </span>
      </div>

      <div id="panel-write" role="tabpanel" aria-labelledby="tab-write" hidden={tab !== "write"}>
        <div className="field">
          <div className="label-row">
            <label htmlFor="post-body">Content (Markdown)</label>
            {!readOnly ? (
              <ImageFileButton label="Insert image" onFiles={(files) => onPickImage(files, "inline")} />
            ) : null}
          </div>
          <textarea
            id="post-body"
            ref={bodyRef}
            className="body-input"
            value={fields.body}
            rows={22}
            readOnly={readOnly}
            onChange={(e) => onEdit({ body: e.target.value })}
            onDragOver={(e) => {
              if (e.dataTransfer.types.includes("Files")) e.preventDefault();
            }}
            onDrop={(e) => {
              if (!e.dataTransfer.files.length || readOnly) return;
              e.preventDefault();
              onPickImage(e.dataTransfer.files, "inline");
            }}
            onPaste={(e) => {
              const files = Array.from(e.clipboardData.files).filter((f) => f.type.startsWith("image/"));
              if (!files.length || readOnly) return;
              e.preventDefault();
              onPickImage(files, "inline");
            }}
            aria-describedby={describedBy(fieldErrors, "body", "body-help")}
          />
          <p id="body-help" className="meta">
            Markdown: **bold**, _italic_, ## Heading, [link](https://…). Drop or paste an image to upload it.
          </p>
          <FieldError errors={fieldErrors} name="body" />
        </div>
        <div className="field">
          <label htmlFor="post-excerpt">Excerpt</label>
          <textarea id="post-excerpt" ref={excerptRef} value={fields.excerpt} rows={3} maxLength={300} readOnly={readOnly} onChange={(e) => onEdit({ excerpt: e.target.value })} aria-describedby={describedBy(fieldErrors, "excerpt")} />
          <FieldError errors={fieldErrors} name="excerpt" />
        </div>
      </div>

      <div id="panel-preview" role="tabpanel" aria-labelledby="tab-preview" hidden={tab !== "preview"} className="editor-preview">
        {tab === "preview" ? (
          <PostArticle
            titleLevel="h2"
            title={fields.title || "Untitled"}
            excerpt={fields.excerpt}
            category={categoryName ? { name: categoryName, slug: "" } : null}
            author={author}
            publishedAt={previewDate}
            readingMinutes={readingMinutes(fields.body)}
            cover={fields.cover}
            html={html}
            tags={fields.tags.map((name) => ({ name, slug: slugify(name) }))}
          />
        ) : null}
      </div>
    </>
  );
}
