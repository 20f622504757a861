import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { revalidatePublicContent } from "@/lib/cache/revalidate";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/http/same-origin";

/**
 * "Refresh public pages" for editors and admins: expires every cached public
 * page on every instance (after a change made outside the app, e.g. a SQL fix
 * or an import). Same-origin POST only (lib/http/same-origin.ts); the session cookie is SameSite=Lax.
 */
export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!isSameOriginRequest(request.headers, env().SITE_URL)) return NextResponse.json({ error: "Cross-site requests are not allowed." }, { status: 403 });
  const actor = await getActor();
  if (!actor) return NextResponse.json({ error: "Please sign in to continue." }, { status: 401 });
  if (!can(actor, "post.publishAny")) return NextResponse.json({ error: "You don't have permission to do that." }, { status: 403 });
  revalidatePublicContent();
  return NextResponse.json({ ok: true }, { headers: { "Cache-Control": "private, no-store" } });
}
