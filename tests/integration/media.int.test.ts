import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { storeImage, imageVariant, ImageRejectedError, renderDemoImage } from "@/lib/media/images";
import { LocalDirectoryStorage, mediaStorage } from "@/lib/media/storage";
import { deleteMedia } from "@/lib/media/delete-media";
import { uploadImage } from "@/lib/media/upload-image";
import { db } from "@/lib/db";
import { createTestUser } from "@/tests/support/factories";
import { dimensionsFromUrl, mediaUrl } from "@/lib/media/image-url";

const MB = 1024 * 1024;

describe("image storage and variants", () => {
  it("stores an upload with its real size in the key and strips nothing visible", async () => {
    const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#336699" } }).png().toBuffer();
    const stored = await storeImage(png, { maxBytes: 10 * MB });
    expect(stored.mimeType).toBe("image/png");
    expect(dimensionsFromUrl(mediaUrl(stored.storageKey))).toEqual({ width: 1200, height: 800 });
    expect(await mediaStorage().get(stored.storageKey)).not.toBeNull();
  });

  it("makes resized WebP and AVIF variants and caches them", async () => {
    const stored = await storeImage(await renderDemoImage({ hue: 10, motif: "bars" }), { maxBytes: 10 * MB });
    for (const format of ["webp", "avif", "jpeg"] as const) {
      const variant = await imageVariant(stored.storageKey, 640, format);
      const meta = await sharp(variant!).metadata();
      expect(meta.width).toBe(640);
      expect(meta.format).toBe(format === "avif" ? "heif" : format);
      expect(await mediaStorage().get(`_variants/${stored.storageKey}.640.${format}`)).not.toBeNull();
    }
  });

  it("judges the type by content, not name, and enforces the size limit", async () => {
    await expect(storeImage(Buffer.from("<svg onload=alert(1)></svg>"), { maxBytes: 10 * MB })).rejects.toBeInstanceOf(ImageRejectedError);
    await expect(storeImage(Buffer.from("GIF89a but not really"), { maxBytes: 10 * MB })).rejects.toThrow(/not a JPEG, PNG, WebP or GIF/);
    const big = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: "#fff" } }).png({ compressionLevel: 0 }).toBuffer();
    await expect(storeImage(big, { maxBytes: 1 * MB })).rejects.toThrow(/too large/);
  });

  it("refuses a truncated JPEG as a damaged file (a 4xx), not a server error", async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#884422" } }).jpeg().toBuffer();
    const truncated = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    await expect(storeImage(truncated, { maxBytes: 10 * MB })).rejects.toThrow(ImageRejectedError);
    await expect(storeImage(truncated, { maxBytes: 10 * MB })).rejects.toThrow(/damaged or incomplete/);
  });

  it("refuses storage keys that climb out of the upload directory", async () => {
    await expect(mediaStorage().get("../etc/passwd")).rejects.toThrow(/Unsafe storage key/);
    await expect(mediaStorage().get("a/../../b")).rejects.toThrow(/Unsafe storage key/);
  });

  it("deleting an image in UPLOAD_DIR removes its row, the original and its resized copies, and nothing else", async () => {
    expect(mediaStorage()).toBeInstanceOf(LocalDirectoryStorage);
    const author = await createTestUser({ role: "AUTHOR" });
    const image = await uploadImage({ actor: author, data: await renderDemoImage({ hue: 200, motif: "grid" }), details: { altText: "Grid" } });
    const other = await uploadImage({ actor: author, data: await renderDemoImage({ hue: 100, motif: "grid" }), details: { altText: "Other" } });
    await imageVariant(image.storageKey, 320, "webp");
    await imageVariant(image.storageKey, 640, "jpeg");
    await imageVariant(other.storageKey, 320, "webp");
    expect(await mediaStorage().list(`_variants/${image.storageKey}.`)).toHaveLength(2);

    expect(await deleteMedia(image.id)).toEqual({ deleted: true });
    expect(await db().media.findUnique({ where: { id: image.id } })).toBeNull();
    expect(await mediaStorage().get(image.storageKey)).toBeNull();
    expect(await mediaStorage().list(`_variants/${image.storageKey}.`)).toEqual([]);
    expect(await mediaStorage().get(other.storageKey)).not.toBeNull();
    expect(await mediaStorage().list(`_variants/${other.storageKey}.`)).toHaveLength(1);
  });
});
