import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/http/response-headers";
import { badRequestPage, isUndecodablePath } from "@/lib/http/undecodable-path";

/**
 * Two jobs, neither of them protection:
 * - Public article pages are cached for everyone, so they can't look at cookies.
 *   A visitor with a session cookie is routed to /posts/<slug>/preview instead,
 *   rendered per request: authors and editors see their non-public posts there
 *   as a marked preview, everyone else exactly what readers see. The preview
 *   page checks permissions itself.
 * - An address that is not valid percent-encoded UTF-8 gets the site's 400
 *   page (Next.js itself would answer a bare 500). Only addresses with a `%`
 *   reach this, so ordinary pages pay nothing for it.
 */
export function proxy(request: NextRequest) {
  const rawPathname = new URL(request.url).pathname;
  if (isUndecodablePath(rawPathname)) {
    return new NextResponse(badRequestPage(process.env.SITE_NAME || "Broadsheet"), {
      status: 400,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=5" },
    });
  }
  const match = /^\/posts\/([^/]+)\/?$/.exec(request.nextUrl.pathname);
  if (!match) return NextResponse.next();
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/posts/${match[1]}/preview`;
  return NextResponse.rewrite(url);
}

// The second pattern: any address containing a percent sign (see isUndecodablePath).
export const config = { matcher: ["/posts/:slug", "/:path(.*%.*)"] };
