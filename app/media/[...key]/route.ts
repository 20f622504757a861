import { NextResponse } from "next/server";
import { mediaStorage, assertSafeKey, StorageUnavailableError } from "@/lib/media/storage";
import { imageVariant, VARIANT_CONTENT_TYPE } from "@/lib/media/images";
import { IMAGE_WIDTHS, dimensionsFromUrl, type ImageFormat } from "@/lib/media/image-url";

const ORIGINAL_TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" };
const FORMATS = new Set<ImageFormat>(["avif", "webp", "jpeg", "png", "gif"]);
// Stored files never change under a key, so browsers and CDNs may keep them forever.
const IMMUTABLE = "public, max-age=31536000, immutable";
// A redirect to S3_PUBLIC_URL is cached for a day only, so changing that setting takes effect within a day.
const REDIRECT_CACHE = "public, max-age=86400";

/**
 * Originals and resized copies from MediaStorage (UPLOAD_DIR or the bucket).
 * With S3_PUBLIC_URL set, an original is a 302 to the public bucket/CDN URL
 * (nothing flows through the app); resized copies are always made and served
 * here. A storage outage is a 503, never a broken 500.
 */
export async function GET(request: Request, context: { params: Promise<{ key: string[] }> }) {
  try {
    return await serve(request, context);
  } catch (error) {
    if (!(error instanceof StorageUnavailableError)) throw error;
    console.error("[broadsheet] media storage unavailable", error.message);
    return new NextResponse("Image storage is unavailable; try again in a moment.", {
      status: 503,
      headers: { "Cache-Control": "no-store", "Retry-After": "30", "Content-Type": "text/plain; charset=utf-8" },
    });
  }
}

async function serve(request: Request, { params }: { params: Promise<{ key: string[] }> }): Promise<Response> {
  const key = (await params).key.join("/");
  try {
    assertSafeKey(key);
  } catch {
    return new NextResponse("Not found", { status: 404 });
  }
  if (key.startsWith("_variants/")) return new NextResponse("Not found", { status: 404 });
  const extension = key.split(".").pop()?.toLowerCase() ?? "";
  const originalType = ORIGINAL_TYPES[extension];
  if (!originalType) return new NextResponse("Not found", { status: 404 });

  const url = new URL(request.url);
  const width = Number(url.searchParams.get("w"));
  const format = (url.searchParams.get("f") ?? "") as ImageFormat;
  if (url.searchParams.has("w")) {
    // Only the widths the layout uses: no resizing service for arbitrary sizes.
    const original = dimensionsFromUrl(key);
    const allowedWidth = (IMAGE_WIDTHS as readonly number[]).includes(width) || width === original?.width;
    if (!allowedWidth || (format && !FORMATS.has(format))) {
      return new NextResponse("Unsupported size", { status: 400 });
    }
    const chosen: ImageFormat = format || "jpeg";
    const body = await imageVariant(key, width, chosen);
    if (!body) return new NextResponse("Not found", { status: 404 });
    return new NextResponse(new Uint8Array(body), { headers: { "Content-Type": VARIANT_CONTENT_TYPE[chosen], "Cache-Control": IMMUTABLE } });
  }
  const publicUrl = mediaStorage().publicUrl(key);
  if (publicUrl) return new NextResponse(null, { status: 302, headers: { Location: publicUrl, "Cache-Control": REDIRECT_CACHE } });
  const body = await mediaStorage().get(key);
  if (!body) return new NextResponse("Not found", { status: 404 });
  return new NextResponse(new Uint8Array(body), { headers: { "Content-Type": originalType, "Cache-Control": IMMUTABLE } });
}
