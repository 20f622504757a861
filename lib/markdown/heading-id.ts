/**
 * Every heading id in an article starts with this, so a heading can never
 * clobber a global (`## __next_f` would otherwise give `id="__next_f"`, which
 * replaces Next.js's `self.__next_f` and stops the page hydrating) nor repeat
 * an id of the page around the article. Its own module so the client-side
 * legacy-anchor helper does not pull in the Markdown renderer.
 */
export const HEADING_ID_PREFIX = "h-";
