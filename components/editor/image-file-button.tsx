"use client";

import { IMAGE_ACCEPT } from "@/components/editor/image-dialog";

/** A button that opens the file picker for images (cover or inline); the input is cleared so the same file can be picked again. */
export function ImageFileButton({ label, onFiles }: { label: string; onFiles: (files: FileList | null) => void }) {
  return (
    <label className="button secondary small file-button">
      {label}
      <input
        type="file"
        accept={IMAGE_ACCEPT}
        className="visually-hidden"
        onChange={(e) => {
          onFiles(e.target.files);
          e.target.value = "";
        }}
      />
    </label>
  );
}
