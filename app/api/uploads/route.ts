import { NextResponse } from "next/server";
import { readFormDataWithLimit, withActor } from "@/lib/actions/route-helpers";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { maxUploadBytes, uploadImage } from "@/lib/media/upload-image";

export const dynamic = "force-dynamic";

/** POST multipart/form-data: file, altText, caption, credit → the stored image (JSON). */
export async function POST(request: Request) {
  return withActor(request, async (actor) => {
    assertCan(actor, "media.upload");
    const limit = maxUploadBytes();
    const megabytes = Math.round(limit / 1048576);
    // The form fields around the file add a little to the body.
    const form = await readFormDataWithLimit(request, limit + 64 * 1024, (bytes) => {
      const message = `The image is too large (at least ${(bytes / 1048576).toFixed(1)} MB); the limit is ${megabytes} MB.`;
      return new AppError("INVALID", message, { file: [message] });
    });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) throw new AppError("INVALID", "Choose an image to upload.", { file: ["Choose an image to upload."] });
    const image = await uploadImage({
      actor,
      data: Buffer.from(await file.arrayBuffer()),
      details: { altText: String(form.get("altText") ?? ""), caption: String(form.get("caption") ?? ""), credit: String(form.get("credit") ?? "") },
    });
    return NextResponse.json({ ok: true, image }, { status: 201, headers: { "Cache-Control": "no-store" } });
  });
}
