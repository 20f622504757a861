import { NextResponse } from "next/server";
import { errorResponse, withActor } from "@/lib/actions/route-helpers";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { maxUploadBytes, uploadImage } from "@/lib/media/upload-image";

export const dynamic = "force-dynamic";

/** POST multipart/form-data: file, altText, caption, credit → the stored image (JSON). */
export async function POST(request: Request) {
  return withActor(request, async (actor) => {
    assertCan(actor, "media.upload");
    const limit = maxUploadBytes();
    // Refuse an oversized body before reading it (the form fields add a little).
    const declared = Number(request.headers.get("content-length") ?? 0);
    if (declared > limit + 64 * 1024) {
      const message = `The image is too large (${(declared / 1048576).toFixed(1)} MB); the limit is ${Math.round(limit / 1048576)} MB.`;
      return errorResponse(new AppError("INVALID", message, { file: [message] }));
    }
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new AppError("INVALID", "Choose an image to upload.", { file: ["Choose an image to upload."] });
    }
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
