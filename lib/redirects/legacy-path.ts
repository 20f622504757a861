/**
 * The one normal form of an old address, used both when an import stores a
 * LegacyRedirect and when proxy.ts looks a request up: percent-decoded, lower
 * case, no trailing slash, and for WordPress's query addresses only the
 * parameter that names the content (`/?p=123`, `/?cat=4`). No imports: proxy.ts
 * loads it on every request.
 */

/** WordPress's plain permalinks and feeds: the only query strings an old address can be told by. */
export const LEGACY_QUERY_KEYS = ["p", "page_id", "cat", "tag", "author", "feed"] as const;

/** Addresses the app owns: never taken over by an old address. */
const RESERVED = /^\/(?:api|_next|admin|dashboard|media|login|logout|register|settings|setup|invite|reset-password|forgot-password)(?:\/|$)/;

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Pathname + query (as a request has them) → the lookup key, or null when nothing can match. */
export function legacyKey(pathname: string, searchParams?: URLSearchParams): string | null {
  let path = decode(pathname).toLowerCase().replace(/\/{2,}/g, "/");
  if (path.length > 1) path = path.replace(/\/+$/, "");
  if (path === "" || path === "/" || path === "/index.php") {
    if (!searchParams) return null;
    for (const key of LEGACY_QUERY_KEYS) {
      const value = searchParams.get(key);
      if (value) return `/?${key}=${value.toLowerCase()}`;
    }
    return null;
  }
  if (RESERVED.test(path)) return null;
  return path;
}

/** An old URL or path from an export → its lookup key (host and other parameters ignored). */
export function legacyKeyOfUrl(urlOrPath: string): string | null {
  let url: URL;
  try {
    url = new URL(urlOrPath, "http://old.invalid");
  } catch {
    return null;
  }
  return legacyKey(url.pathname, url.searchParams);
}
