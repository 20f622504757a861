import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { assertCan, type Actor, type Action } from "@/lib/authz/permissions";
import { ImageRejectedError, storeImage } from "@/lib/media/images";
import { mediaUrl } from "@/lib/media/image-url";
import type { UploadedImage } from "@/lib/media/image-url";

export const imageDetailsInput = z.object({
  altText: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  caption: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  credit: z.string().trim().max(120, "Use at most 120 characters.").default(""),
});


export function maxUploadBytes(): number {
  return Math.round(env().MAX_UPLOAD_MB * 1024 * 1024);
}

/**
 * Stores an uploaded image (type checked from its bytes by sharp, size
 * limited by MAX_UPLOAD_MB, metadata stripped) and records it as Media.
 * `permission` is media.upload for post images, profile.editOwn for avatars.
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
  const parsed = imageDetailsInput.safeParse(details);
  if (!parsed.success) throw new AppError("INVALID", "Please correct the highlighted fields.", fieldErrorsFromZod(parsed.error.issues));
  let stored;
  try {
    stored = await storeImage(data, { maxBytes: maxUploadBytes() });
  } catch (error) {
    if (error instanceof ImageRejectedError) throw new AppError("INVALID", error.message, { file: [error.message] });
    throw error;
  }
  const media = await db().media.create({ data: { ...stored, ...parsed.data, uploaderId: actor.id } });
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
