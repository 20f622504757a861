import { ResponsiveImage } from "@/components/responsive-image";
import { FieldError } from "@/components/editor/field-error";
import type { EditorCover, FieldErrors } from "@/components/editor/types";
import type { PickImage } from "@/components/editor/write-panel";
import { ImageFileButton } from "@/components/editor/image-file-button";

/** The cover image with its alt text, caption and credit (read-only when someone else's image). */
export function CoverPanel({ cover, readOnly, fieldErrors, onChange, onPickImage }: { cover: EditorCover | null; readOnly: boolean; fieldErrors: FieldErrors; onChange: (cover: EditorCover | null) => void; onPickImage: PickImage }) {
  const locked = cover?.detailsEditable === false;
  const detail = (key: "altText" | "caption" | "credit", id: string, label: string) =>
    cover ? (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <input id={id} value={cover[key]} readOnly={readOnly || locked} onChange={(e) => onChange({ ...cover, [key]: e.target.value })} />
      </div>
    ) : null;
  return (
    <div className="panel">
      <h2 className="panel-title">Cover image</h2>
      {cover ? (
        <>
          <ResponsiveImage storageKey={cover.storageKey} alt={cover.altText} width={cover.width} height={cover.height} sizes="320px" className="cover-thumb" />
          {locked ? <p className="meta">Someone else uploaded this image: only they or an editor can change its alt text, caption and credit.</p> : null}
          {detail("altText", "cover-alt", "Cover alt text")}
          {detail("caption", "cover-caption", "Cover caption")}
          {detail("credit", "cover-credit", "Cover credit")}
        </>
      ) : (
        <p className="meta">No cover image.</p>
      )}
      {!readOnly ? (
        <div className="button-row">
          <ImageFileButton label={cover ? "Replace cover image" : "Upload cover image"} onFiles={(files) => onPickImage(files, "cover")} />
          {cover ? (
            <button type="button" className="secondary small" onClick={() => onChange(null)}>
              Remove cover
            </button>
          ) : null}
        </div>
      ) : null}
      <FieldError errors={fieldErrors} name="coverMediaId" />
    </div>
  );
}
