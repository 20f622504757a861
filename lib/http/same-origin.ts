/**
 * Is a state-changing request from our own pages? Its Origin must be the
 * site's public origin (SITE_URL, what browsers see behind a proxy) or match
 * the request's own Host (direct access, e2e servers on 127.0.0.1). Proxy
 * headers such as X-Forwarded-Host are not consulted: they are only as
 * trustworthy as whoever sent them. An opaque (`null`) or malformed Origin is
 * refused. No Origin at all is let through: browsers send one on every
 * cross-site POST, and non-browser clients carry no victim's cookie.
 */
export function isSameOriginRequest(headers: Headers, siteUrl: string): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  if (!URL.canParse(origin)) return false;
  const from = new URL(origin);
  if (from.protocol !== "http:" && from.protocol !== "https:") return false;
  if (URL.canParse(siteUrl) && from.origin === new URL(siteUrl).origin) return true;
  const host = headers.get("host");
  return !!host && from.host === host.toLowerCase();
}
