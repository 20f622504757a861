import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { assertCan, type Actor, type Action } from "@/lib/authz/permissions";
import { deleteStoredImage, ImageRejectedError, storeImage } from "@/lib/media/images";
import { StorageUnavailableError } from "@/lib/media/storage";
import { mediaUrl } from "@/lib/media/image-url";
import type { UploadedImage } from "@/lib/media/image-url";

export const imageDetailsInput = z.object({
  altText: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  caption: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  credit: z.string().trim().max(120, "Use at most 120 characters.").default(""),
});


export const STORAGE_UNAVAILABLE_MESSAGE = "Image storage is unavailable right now, so the image was not saved. Try again in a moment.";

export function maxUploadBytes(): number {
  return Math.round(env().MAX_UPLOAD_MB * 1024 * 1024);
}

/**
 * Stores an uploaded image (type checked from its bytes by sharp, size
 * limited by MAX_UPLOAD_MB, metadata stripped) and records it as Media.
 * `permission` is media.upload for post images, profile.editOwn for avatars.
 * The Media row is created only once the file is stored, so no post or
 * profile can point at an image that is not there; a storage outage is an
 * UNAVAILABLE error (503) that says so, and leaves nothing behind.
 */
export async function uploadImage({
  actor,
  data,
  details,
  permission = "media.upload",
}: {
  actor: Actor;
  data: Buffer;
  details: z.input<typeof imageDetailsInput>;
  permission?: Extract<Action, "media.upload" | "profile.editOwn">;
}): Promise<UploadedImage> {
  assertCan(actor, permission);
  const parsed = { data: parseInput(imageDetailsInput, details) };
  let stored;
  try {
    stored = await storeImage(data, { maxBytes: maxUploadBytes() });
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new AppError("INVALID", error.message, { file: [error.message] });
    if (error instanceof StorageUnavailableError) {
      console.error("[broadsheet] image upload refused: storage unavailable", error.message);
      throw new AppError("UNAVAILABLE", STORAGE_UNAVAILABLE_MESSAGE, { file: [STORAGE_UNAVAILABLE_MESSAGE] });
    }
    throw error;
  }
  let media;
  try {
    media = await db().media.create({ data: { ...stored, ...parsed.data, uploaderId: actor.id } });
  } catch (error) {
    // No row, so no file either: nothing may reference it, it would only be left behind.
    await deleteStoredImage(stored.storageKey).catch(() => undefined);
    throw error;
  }
  return {
    id: media.id,
    url: mediaUrl(media.storageKey),
    storageKey: media.storageKey,
    width: media.width,
    height: media.height,
    altText: media.altText,
    caption: media.caption,
    credit: media.credit,
  };
}
