/**
 * Whether this instance holds a cached copy of a page (recorded by
 * lib/cache/handler.cjs when it serves or stores one). Used by proxy.ts while
 * the database is unreachable: cached pages are still served, anything that
 * would need a render gets the 503 page.
 */
const KEY = Symbol.for("broadsheet.cache.pageKeys");

/**
 * The cache key Next.js uses for the page at `pathname` ("/" is "/index").
 * `?page=n` on a list is the page `/…/page/n` (next.config.ts rewrites it after proxy.ts runs).
 */
export function pageCacheKey(pathname: string, listPage?: string | null): string {
  let key = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  if (listPage && /^[1-9][0-9]{0,3}$/.test(listPage) && /^\/(?:$|(?:category|tag|authors)\/[^/]+$)/.test(key)) key = `${key === "/" ? "" : key}/page/${listPage}`;
  return key === "/" ? "/index" : key;
}

export function isPageCached(pathname: string, listPage?: string | null): boolean {
  const keys = (globalThis as unknown as Record<symbol, Set<string> | undefined>)[KEY];
  return !!keys && keys.has(pageCacheKey(pathname, listPage));
}
