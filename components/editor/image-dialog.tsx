"use client";

import { useEffect, useId, useMemo, useRef } from "react";
import Image from "next/image";
import type { UploadedImage } from "@/lib/media/image-url";
import { Field, Form, SubmitButton, useFormContext, type FormState } from "@/components/form";

export type { UploadedImage };

const ACCEPT = "image/jpeg,image/png,image/webp,image/gif";

/**
 * Asks for alt text, caption and credit for a chosen image, then uploads it
 * to /api/uploads. The server checks the type from the bytes and the size;
 * its messages are shown next to the file.
 */
export function ImageDialog({
  file,
  purpose,
  maxUploadMb,
  onUploaded,
  onClose,
}: {
  file: File | null;
  purpose: "cover" | "inline";
  maxUploadMb: number;
  onUploaded: (image: UploadedImage) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const tooLarge = file && file.size > maxUploadMb * 1024 * 1024 ? `The image is too large (${(file.size / 1048576).toFixed(1)} MB); the limit is ${maxUploadMb} MB.` : null;
  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (file && !dialog.open) dialog.showModal();
    if (!file && dialog.open) dialog.close();
  }, [file]);

  // The parent keys this dialog by file, so the form's state starts fresh for every image.
  async function upload(_previous: FormState, form: FormData): Promise<FormState> {
    if (!file) return null;
    if (!String(form.get("altText") ?? "").trim()) return { ok: false, fieldErrors: { altText: ["Describe the image for readers who cannot see it."] } };
    form.set("file", file);
    try {
      const response = await fetch("/api/uploads", { method: "POST", body: form });
      const result = await response.json().catch(() => ({ ok: false, error: "The upload failed; try again." }));
      if (!response.ok || !result.ok) return { ok: false, fieldErrors: result.fieldErrors ?? { file: [result.error ?? "The upload failed; try again."] } };
      onUploaded(result.image as UploadedImage);
      return { ok: true };
    } catch {
      return { ok: false, fieldErrors: { file: ["The upload failed: no connection. Try again."] } };
    }
  }

  return (
    <dialog ref={ref} className="image-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <Form action={upload} className="image-dialog-form" showSuccess={false}>
        <h2 id={`${id}-title`}>{purpose === "cover" ? "Cover image details" : "Image details"}</h2>
        {/* A local blob: URL, shown as it is (nothing to optimize); the CSS keeps its own aspect ratio. */}
        {preview ? <Image src={preview} alt="" width={480} height={270} unoptimized className="image-dialog-preview" /> : null}
        <p className="meta">{file?.name}</p>
        <FileError tooLarge={tooLarge} />
        <Field name="altText" id={`${id}-alt`} label="Alt text" help="What the image shows, for readers who cannot see it.">
          <input required maxLength={300} autoFocus />
        </Field>
        <Field name="caption" id={`${id}-caption`} label="Caption">
          <input maxLength={300} />
        </Field>
        <Field name="credit" id={`${id}-credit`} label="Credit">
          <input maxLength={120} />
        </Field>
        <div className="button-row">
          <UploadButton tooLarge={tooLarge} />
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </Form>
    </dialog>
  );
}

/** Why this file cannot be uploaded (too large, or the server refused it), announced at once. */
function FileError({ tooLarge }: { tooLarge: string | null }) {
  const messages = useFileErrors(tooLarge);
  return messages.length ? (
    <p className="field-error" role="alert">
      {messages.join(" ")}
    </p>
  ) : null;
}

/** Disabled once the file itself is refused: this dialog is for one file. */
function UploadButton({ tooLarge }: { tooLarge: string | null }) {
  const refused = useFileErrors(tooLarge).length > 0;
  return (
    <SubmitButton disabled={refused} pending="Uploading…">
      Upload
    </SubmitButton>
  );
}

function useFileErrors(tooLarge: string | null): string[] {
  const { state } = useFormContext();
  if (tooLarge) return [tooLarge];
  return state?.ok === false ? (state.fieldErrors?.file ?? []) : [];
}

export { ACCEPT as IMAGE_ACCEPT };
