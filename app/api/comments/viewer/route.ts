import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { articleViewer } from "@/lib/posts/article-viewer";

export const dynamic = "force-dynamic";

/**
 * The per-visitor parts of an article page (fetched by the browser, so the
 * article page itself stays the same for everyone and cached): comment form,
 * own pending comments, report buttons, an Edit link. Private and never
 * stored by a cache (it depends on the session cookie).
 */
export async function GET(request: NextRequest) {
  const postId = request.nextUrl.searchParams.get("postId") ?? "";
  const headers = { "Cache-Control": "private, no-store", Vary: "Cookie" };
  if (postId.length > 100) return NextResponse.json({ error: "postId is too long." }, { status: 400, headers });
  return NextResponse.json(await articleViewer(await getActor(), postId), { headers });
}
