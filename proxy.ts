import { NextResponse, type NextRequest } from "next/server";
import { SESSION_COOKIES } from "@/lib/http/response-headers";
import { badRequestPage, isUndecodablePath } from "@/lib/http/undecodable-path";
import { databaseUnavailableSince, probeDatabaseSoon } from "@/lib/db/availability";
import { isPageCached } from "@/lib/cache/cached-pages";
import { unavailableHeaders, unavailableJson, unavailablePage } from "@/lib/http/unavailable-page";
import { legacyKey } from "@/lib/redirects/legacy-path";
import { legacyRedirectTarget } from "@/lib/redirects/legacy-redirect-lookup";

/**
 * Two jobs, none of them protection:
 * - While the database is unreachable (lib/db/availability.ts), anything that
 *   would need it gets a readable 503 with `Retry-After` (pages: a self-contained
 *   HTML page, readable without JavaScript; /api: JSON). Cached pages are still
 *   served to anonymous readers, and the health checks and next-auth pass (the
 *   sign-in form then says the site is briefly unavailable). Next.js itself
 *   can only answer a failed render with a 500 and an empty client-side shell.
 * - An address that is not valid percent-encoded UTF-8 gets the site's 400
 *   page (Next.js itself would answer a bare 500).
 * - Old addresses of imported content (/2024/01/05/slug, /?p=123, /feed …,
 *   table LegacyRedirect) answer 308 to the new page. The lookup is in memory
 *   (lib/redirects/legacy-redirect-lookup.ts): no query per request.
 */
export async function proxy(request: NextRequest) {
  const rawPathname = new URL(request.url).pathname;
  if (isUndecodablePath(rawPathname)) {
    return new NextResponse(badRequestPage(process.env.SITE_NAME || "Broadsheet"), {
      status: 400,
      headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "public, max-age=0, s-maxage=5" },
    });
  }
  const { pathname } = request.nextUrl;
  // Media paths come here only for the encoding check (the matcher's second pattern).
  if (pathname.startsWith("/media/")) return NextResponse.next();
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (databaseUnavailableSince() !== null) {
    const unavailable = whileDatabaseUnavailable(request, pathname, signedIn);
    if (unavailable) return unavailable;
  }
  // Not while the database is down: a first lookup would wait for a connection that cannot come.
  if ((request.method === "GET" || request.method === "HEAD") && databaseUnavailableSince() === null) {
    const key = legacyKey(pathname, request.nextUrl.searchParams);
    const target = key ? await legacyRedirectTarget(key) : null;
    if (target) {
      const url = request.nextUrl.clone();
      url.pathname = target;
      url.search = "";
      return NextResponse.redirect(url, { status: 308, headers: { "Cache-Control": "public, max-age=3600" } });
    }
  }
  // Everyone, signed in or not, gets the same cached article; per-visitor parts come from /api/comments/viewer.
  return NextResponse.next();
}

/** Paths that work without the database, or report on it themselves. */
const PASS_WHILE_UNAVAILABLE = /^\/(?:api\/health(?:\/|$)|api\/auth\/)/;

function whileDatabaseUnavailable(request: NextRequest, pathname: string, signedIn: boolean): NextResponse | null {
  if (PASS_WHILE_UNAVAILABLE.test(pathname)) return null;
  const reading = request.method === "GET" || request.method === "HEAD";
  // A cached page costs no query; signed-in visitors' pages are rendered per request.
  if (reading && !signedIn && isPageCached(pathname, request.nextUrl.searchParams.get("page"))) return null;
  probeDatabaseSoon();
  if (pathname.startsWith("/api/")) return new NextResponse(unavailableJson(), { status: 503, headers: unavailableHeaders("application/json") });
  return new NextResponse(unavailablePage(process.env.SITE_NAME || "Broadsheet"), { status: 503, headers: unavailableHeaders("text/html; charset=utf-8") });
}

// Everything but build assets and media files (which never touch the database) and uploads
// (images at /api/uploads, exports at POST /api/import):
// Next.js buffers the body of every request the proxy sees and cuts it at
// proxyClientMaxBodySize (next.config.ts). The upload route answers 503 itself while the
// database is unreachable (lib/actions/route-helpers.ts).
// The second pattern: media addresses with a percent sign, for the encoding check only.
// Server action POSTs (the Next-Action header) are left out: with the proxy in their path the
// action's response lost its re-rendered page state (an approved comment showed no "Approved"
// message; tests/e2e/admin.spec.ts). While the database is down they fail inside the action
// wrapper with a message instead.
export const config = {
  matcher: [
    { source: "/((?!_next/static/|_next/image|media/|api/uploads(?:/|$)|api/import$|favicon\\.ico$).*)", missing: [{ type: "header", key: "next-action" }] },
    "/media/:path(.*%.*)",
  ],
};
