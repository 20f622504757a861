import { db } from "@/lib/db";
import { deleteStoredImage, variantPrefix } from "@/lib/media/images";
import { mediaStorage } from "@/lib/media/storage";

/**
 * Deletes an image for good: its Media row, its original and every resized
 * copy under `_variants/`. Nothing in the app deletes images yet (there is no
 * media library; deleting a user keeps their uploads with `uploaderId` null);
 * this is the one way to do it, for a future media library or clean-up job,
 * which must check permissions and whether post bodies still link the image.
 *
 * Order: storage is checked first (a bucket that is down throws
 * StorageUnavailableError before anything changes), then the row goes (covers
 * and avatars lose it through ON DELETE SET NULL), then the files. If the
 * files then fail, what is left is unreferenced files, never a row pointing
 * at a missing file.
 */
export async function deleteMedia(mediaId: string): Promise<{ deleted: boolean }> {
  const media = await db().media.findUnique({ where: { id: mediaId }, select: { storageKey: true } });
  if (!media) return { deleted: false };
  await mediaStorage().list(variantPrefix(media.storageKey));
  const { count } = await db().media.deleteMany({ where: { id: mediaId } });
  if (count === 0) return { deleted: false };
  await deleteStoredImage(media.storageKey);
  return { deleted: true };
}
