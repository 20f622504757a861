"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import Image from "next/image";
import type { UploadedImage } from "@/lib/media/image-url";

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
  const [pending, setPending] = useState(false);
  // The parent keys this dialog by file, so state starts fresh for every image.
  const [serverErrors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const tooLarge = file && file.size > maxUploadMb * 1024 * 1024 ? [`The image is too large (${(file.size / 1048576).toFixed(1)} MB); the limit is ${maxUploadMb} MB.`] : undefined;
  const errors = tooLarge ? { ...serverErrors, file: tooLarge } : serverErrors;
  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (file && !dialog.open) dialog.showModal();
    if (!file && dialog.open) dialog.close();
  }, [file]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData(event.currentTarget);
    if (!String(form.get("altText") ?? "").trim()) {
      setErrors({ altText: ["Describe the image for readers who cannot see it."] });
      return;
    }
    form.set("file", file);
    setPending(true);
    try {
      const response = await fetch("/api/uploads", { method: "POST", body: form });
      const result = await response.json().catch(() => ({ ok: false, error: "The upload failed; try again." }));
      if (!response.ok || !result.ok) {
        setErrors(result.fieldErrors ?? { file: [result.error ?? "The upload failed; try again."] });
        return;
      }
      onUploaded(result.image as UploadedImage);
    } catch {
      setErrors({ file: ["The upload failed: no connection. Try again."] });
    } finally {
      setPending(false);
    }
  }

  return (
    <dialog ref={ref} className="image-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate>
        <h2 id={`${id}-title`}>{purpose === "cover" ? "Cover image details" : "Image details"}</h2>
        {/* A local blob: URL, shown as it is (nothing to optimize); the CSS keeps its own aspect ratio. */}
        {preview ? <Image src={preview} alt="" width={480} height={270} unoptimized className="image-dialog-preview" /> : null}
        <p className="meta">{file?.name}</p>
        {errors.file ? (
          <p className="field-error" role="alert">
            {errors.file.join(" ")}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={`${id}-alt`}>Alt text</label>
          <input id={`${id}-alt`} name="altText" required maxLength={300} aria-describedby={`${id}-alt-help`} autoFocus />
          <p id={`${id}-alt-help`} className="meta">
            What the image shows, for readers who cannot see it.
          </p>
          {errors.altText ? <p className="field-error">{errors.altText.join(" ")}</p> : null}
        </div>
        <div className="field">
          <label htmlFor={`${id}-caption`}>Caption</label>
          <input id={`${id}-caption`} name="caption" maxLength={300} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-credit`}>Credit</label>
          <input id={`${id}-credit`} name="credit" maxLength={120} />
        </div>
        <div className="button-row">
          <button type="submit" disabled={pending || !!errors.file}>
            {pending ? "Uploading…" : "Upload"}
          </button>
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

export { ACCEPT as IMAGE_ACCEPT };
