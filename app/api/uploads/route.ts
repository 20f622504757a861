import { readFormDataWithLimit } from "@/lib/actions/route-helpers";
import { routeHandler } from "@/lib/actions/use-case-adapters";
import { AppError } from "@/lib/errors";
import { maxUploadBytes } from "@/lib/media/upload-image";
import { uploadMedia } from "@/lib/media/upload-media";

export const dynamic = "force-dynamic";

/** The multipart body, read with a byte limit while it streams: its fields as the use case's schema reads them. */
async function uploadForm(request: Request): Promise<Record<string, unknown>> {
  const limit = maxUploadBytes();
  const megabytes = Math.round(limit / 1048576);
  // The form fields around the file add a little to the body.
  const form = await readFormDataWithLimit(request, limit + 64 * 1024, (bytes) => {
    const message = `The image is too large (at least ${(bytes / 1048576).toFixed(1)} MB); the limit is ${megabytes} MB.`;
    return new AppError("INVALID", message, { file: [message] });
  });
  return Object.fromEntries([...form.keys()].map((key) => [key, form.get(key)]));
}

/** POST multipart/form-data: file, altText, caption, credit → the stored image (JSON). */
export const POST = routeHandler(uploadMedia, { input: uploadForm, status: 201, present: (image) => ({ image }) });
