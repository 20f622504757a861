/**
 * Image URLs carry the original's size in the file name
 * (`/media/2026/11/<id>-1600x900.jpg`), so pages can set width/height and a
 * srcset without a database lookup. Variants: `?w=<width>&f=<format>`.
 */
export const IMAGE_WIDTHS = [320, 480, 640, 960, 1280, 1600] as const;
export type ImageFormat = "avif" | "webp" | "jpeg" | "png" | "gif";

const SIZE_IN_NAME = /-(\d{1,5})x(\d{1,5})\.(jpe?g|png|webp|gif)$/i;

export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

export function dimensionsFromUrl(url: string): { width: number; height: number } | null {
  const match = SIZE_IN_NAME.exec(url.split("?")[0] ?? "");
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

export function isLocalMediaUrl(url: string): boolean {
  return url.startsWith("/media/") && dimensionsFromUrl(url) !== null;
}

export function variantUrl(url: string, width: number, format?: ImageFormat): string {
  const params = new URLSearchParams({ w: String(width) });
  if (format) params.set("f", format);
  return `${url.split("?")[0]}?${params.toString()}`;
}

/** Widths worth offering for an image of this original width (never upscaled). */
export function widthsFor(originalWidth: number): number[] {
  const widths: number[] = IMAGE_WIDTHS.filter((w) => w < originalWidth);
  widths.push(Math.min(originalWidth, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!));
  return [...new Set(widths)];
}

export function srcSet(url: string, originalWidth: number, format?: ImageFormat): string {
  return widthsFor(originalWidth)
    .map((w) => `${variantUrl(url, w, format)} ${w}w`)
    .join(", ");
}

/** An uploaded image as the editor receives it (client-safe: no server imports here). */
export type UploadedImage = {
  id: string;
  url: string;
  storageKey: string;
  width: number;
  height: number;
  altText: string;
  caption: string;
  credit: string;
};
