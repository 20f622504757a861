import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { listPendingCommentsForViewer } from "@/lib/comments/list-comments";

export const dynamic = "force-dynamic";

/**
 * The per-visitor part of an article's comments (fetched by the browser, so
 * the article page itself stays the same for everyone and cacheable): whether
 * the visitor may comment, and the pending comments they may see (their own;
 * all of them for the post's author and moderators).
 */
export async function GET(request: NextRequest) {
  const postId = request.nextUrl.searchParams.get("postId") ?? "";
  const actor = await getActor();
  const headers = { "Cache-Control": "private, no-store" };
  if (!actor || !postId || postId.length > 100) {
    return NextResponse.json({ signedIn: !!actor, canComment: false, canReport: false, pending: [] }, { headers });
  }
  const pending = await listPendingCommentsForViewer(actor, postId);
  return NextResponse.json(
    {
      signedIn: true,
      canComment: can(actor, "comment.create"),
      canReport: can(actor, "comment.report"),
      pending: pending.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt.toISOString(), authorName: c.author.displayName })),
    },
    { headers },
  );
}
