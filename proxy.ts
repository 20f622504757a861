import { NextResponse, type NextRequest } from "next/server";

/**
 * Public article pages are cached for everyone, so they can't look at cookies.
 * A visitor with a session cookie is routed to /posts/<slug>/preview instead,
 * rendered per request: authors and editors see their non-public posts there
 * as a marked preview, everyone else exactly what readers see. The preview
 * page checks permissions itself; this only routes (never the protection).
 */
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const match = /^\/posts\/([^/]+)\/?$/.exec(request.nextUrl.pathname);
  if (!match) return NextResponse.next();
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = `/posts/${match[1]}/preview`;
  return NextResponse.rewrite(url);
}

export const config = { matcher: ["/posts/:slug"] };
