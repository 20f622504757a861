import crypto from "node:crypto";
import sharp from "sharp";
import type { OutputInfo } from "sharp";
import { mediaStorage, StorageUnavailableError } from "@/lib/media/storage";
import type { ImageFormat } from "@/lib/media/image-url";

/** Formats we accept, detected from the file's bytes (sharp's decoder), never its name. */
const ACCEPTED = { jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" } as const;
type AcceptedFormat = keyof typeof ACCEPTED;
const EXTENSION: Record<AcceptedFormat, string> = { jpeg: "jpg", png: "png", webp: "webp", gif: "gif" };

export class ImageRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImageRejectedError";
  }
}

export type StoredImage = { storageKey: string; mimeType: string; width: number; height: number; sizeBytes: number };

/** Largest edge we keep for an original; bigger uploads are scaled down. */
const MAX_EDGE = 3200;

export async function storeImage(data: Buffer, options: { maxBytes: number; now?: Date }): Promise<StoredImage> {
  if (data.length === 0) throw new ImageRejectedError("The file is empty.");
  if (data.length > options.maxBytes) {
    throw new ImageRejectedError(`The image is too large (${(data.length / 1048576).toFixed(1)} MB); the limit is ${Math.round(options.maxBytes / 1048576)} MB.`);
  }
  let format: string | undefined;
  try {
    format = (await sharp(data).metadata()).format;
  } catch {
    format = undefined;
  }
  if (!format || !(format in ACCEPTED)) {
    throw new ImageRejectedError("That file is not a JPEG, PNG, WebP or GIF image.");
  }
  const accepted = format as AcceptedFormat;
  const animated = accepted === "gif" || accepted === "webp";
  // Apply EXIF orientation and drop metadata (camera serials, GPS) before storing.
  const pipeline = sharp(data, { animated }).rotate().resize({ width: MAX_EDGE, height: MAX_EDGE, fit: "inside", withoutEnlargement: true });
  const output =
    accepted === "jpeg"
      ? pipeline.jpeg({ quality: 88, mozjpeg: true })
      : accepted === "png"
        ? pipeline.png()
        : accepted === "webp"
          ? pipeline.webp({ quality: 88 })
          : pipeline.gif();
  let processed: { data: Buffer; info: OutputInfo };
  try {
    processed = await output.toBuffer({ resolveWithObject: true });
  } catch {
    // A valid header over damaged or truncated image data: the file's fault, not ours.
    throw new ImageRejectedError("The image file is damaged or incomplete; export it again and upload the new file.");
  }
  const { data: stored, info } = processed;
  const height = animated && info.pageHeight ? info.pageHeight : info.height;
  const now = options.now ?? new Date();
  const id = crypto.randomBytes(8).toString("hex");
  const storageKey = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${id}-${info.width}x${height}.${EXTENSION[accepted]}`;
  await mediaStorage().put(storageKey, stored, ACCEPTED[accepted]);
  return { storageKey, mimeType: ACCEPTED[accepted], width: info.width, height, sizeBytes: stored.length };
}

export const VARIANT_CONTENT_TYPE: Record<ImageFormat, string> = {
  avif: "image/avif",
  webp: "image/webp",
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
};

/** Where the resized copies of an original are kept: `_variants/<storageKey>.<width>.<format>`. */
export function variantKey(storageKey: string, width: number, format: ImageFormat): string {
  return `${variantPrefix(storageKey)}${width}.${format}`;
}

export function variantPrefix(storageKey: string): string {
  return `_variants/${storageKey}.`;
}

/**
 * Removes an original and every resized copy of it. Variants go first, so a
 * failure half-way leaves the original (and a retry finds what is left).
 */
export async function deleteStoredImage(storageKey: string): Promise<void> {
  const storage = mediaStorage();
  for (const key of await storage.list(variantPrefix(storageKey))) await storage.delete(key);
  await storage.delete(storageKey);
}

/** A resized copy, cached in storage next to the original under `_variants/`. */
export async function imageVariant(storageKey: string, width: number, format: ImageFormat): Promise<Buffer | null> {
  const key = variantKey(storageKey, width, format);
  const storage = mediaStorage();
  const cached = await storage.get(key);
  if (cached) return cached;
  const original = await storage.get(storageKey);
  if (!original) return null;
  const animated = storageKey.endsWith(".gif");
  let pipeline = sharp(original, { animated }).resize({ width, withoutEnlargement: true });
  pipeline =
    format === "avif"
      ? pipeline.avif({ quality: 55, effort: 2 })
      : format === "webp"
        ? pipeline.webp({ quality: 78 })
        : format === "png"
          ? pipeline.png()
          : format === "gif"
            ? pipeline.gif()
            : pipeline.jpeg({ quality: 80, mozjpeg: true });
  const output = await pipeline.toBuffer();
  try {
    await storage.put(key, output, VARIANT_CONTENT_TYPE[format]);
  } catch (error) {
    // The copy is only a cache: the reader still gets the image, the next request tries to keep it again.
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error("[broadsheet] could not keep a resized image", error.message);
  }
  return output;
}

type Motif = "skyline" | "waves" | "hills" | "grid" | "circles" | "bars";

/** Demo pictures, drawn locally (the app never loads images from the internet). */
export async function renderDemoImage(options: { hue: number; motif: Motif; width?: number; height?: number; seed?: string }): Promise<Buffer> {
  const width = options.width ?? 1600;
  const height = options.height ?? 900;
  const { hue } = options;
  const random = mulberry32(hashString(options.seed ?? `${hue}-${options.motif}`));
  const sky = `hsl(${hue} 55% 78%)`;
  const deep = `hsl(${(hue + 20) % 360} 45% 32%)`;
  const mid = `hsl(${(hue + 340) % 360} 40% 52%)`;
  const shapes: string[] = [];
  switch (options.motif) {
    case "skyline":
      for (let x = 0; x < width; x += 60 + Math.floor(random() * 80)) {
        const h = 150 + random() * 450;
        shapes.push(`<rect x="${x}" y="${height - h}" width="${50 + random() * 70}" height="${h}" fill="${random() > 0.5 ? deep : mid}"/>`);
      }
      break;
    case "waves":
      for (let i = 0; i < 6; i++) {
        const y = height * 0.45 + i * 70;
        shapes.push(`<path d="M0 ${y} Q ${width / 4} ${y - 60} ${width / 2} ${y} T ${width} ${y} V ${height} H 0 Z" fill="hsl(${(hue + i * 8) % 360} 50% ${60 - i * 6}%)" opacity="0.85"/>`);
      }
      break;
    case "hills":
      for (let i = 0; i < 4; i++) {
        const cx = random() * width;
        shapes.push(`<ellipse cx="${cx}" cy="${height + 100}" rx="${500 + random() * 400}" ry="${300 + i * 90}" fill="hsl(${(hue + 90 + i * 10) % 360} 35% ${45 - i * 6}%)"/>`);
      }
      break;
    case "grid":
      for (let x = 0; x < width; x += 100) for (let y = 0; y < height; y += 100) {
        if (random() > 0.55) shapes.push(`<rect x="${x + 8}" y="${y + 8}" width="84" height="84" rx="10" fill="${random() > 0.5 ? deep : mid}" opacity="0.8"/>`);
      }
      break;
    case "circles":
      for (let i = 0; i < 14; i++) {
        shapes.push(`<circle cx="${random() * width}" cy="${random() * height}" r="${40 + random() * 180}" fill="${i % 2 ? deep : mid}" opacity="0.55"/>`);
      }
      break;
    case "bars":
      for (let i = 0; i < 12; i++) {
        const h = 100 + random() * (height - 250);
        shapes.push(`<rect x="${120 + i * 115}" y="${height - 80 - h}" width="80" height="${h}" fill="${i % 3 ? mid : deep}"/>`);
      }
      shapes.push(`<rect x="80" y="${height - 80}" width="${width - 160}" height="6" fill="${deep}"/>`);
      break;
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky}"/><stop offset="1" stop-color="hsl(${hue} 40% 92%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${shapes.join("")}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85, mozjpeg: true }).toBuffer();
}

function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
