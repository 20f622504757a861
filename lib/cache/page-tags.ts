import { unstable_cache } from "next/cache";
import type { ReaderEffect, ReaderList } from "@/lib/cache/reader-effect";

/**
 * Cache tags: what a cached public page shows, named so a use case's
 * ReaderEffect maps to exactly the pages to expire (lib/cache/README.md).
 *
 * Reader queries (lib/posts/public-*.ts, feeds, sitemaps) tag the page being
 * rendered with what they return, so a page cannot forget a tag: a list page
 * carries its list and every post, author and section it shows; an article
 * carries itself, its author, section, tags and the posts in its related block.
 */
export const pageTag = {
  post: (id: string) => `p:${id}`,
  slug: (slug: string) => `ps:${slug}`,
  list: (list: ReaderList) => `l:${list}`,
  author: (id: string) => `a:${id}`,
  username: (username: string) => `as:${username}`,
  tag: (id: string) => `t:${id}`,
  tagSlug: (slug: string) => `ts:${slug}`,
  /** Every sitemap file: any change to what readers can reach. */
  sitemaps: "sitemaps",
};

/**
 * Next's implicit tag carried by every page and route under the root layout:
 * expiring it expires every cached public page, feed and sitemap.
 */
export const ALL_PUBLIC_PAGES_TAG = "_N_T_/layout";

/** Next refuses tags over 256 characters; ids and slugs are far shorter (slugs ≤ 200). */
const MAX_TAG_LENGTH = 256;

/** The tags to expire for an effect (empty: nothing readers see changed). */
export function tagsForEffect(effect: ReaderEffect): string[] {
  if (effect.site) return [ALL_PUBLIC_PAGES_TAG];
  const tags = [
    ...effect.posts.map(pageTag.post),
    ...effect.slugs.map(pageTag.slug),
    ...effect.lists.map(pageTag.list),
    ...effect.authors.map(pageTag.author),
    ...effect.usernames.map(pageTag.username),
    ...effect.tags.map(pageTag.tag),
    ...effect.tagSlugs.map(pageTag.tagSlug),
  ];
  if (tags.length === 0) return [];
  // Sitemaps list every reachable address and its last change: any public change touches one.
  return [...new Set([...tags, pageTag.sitemaps])].filter((t) => t.length <= MAX_TAG_LENGTH);
}

/** The tags of a post card or article: the post, its author and its section's name live on the page. */
export function postTags(post: { id: string; authorId?: string | null; tagIds?: string[] }): string[] {
  return [pageTag.post(post.id), ...(post.authorId ? [pageTag.author(post.authorId)] : []), ...(post.tagIds ?? []).map(pageTag.tag)];
}

/** Next accepts at most 128 tags per call (NEXT_CACHE_TAG_MAX_ITEMS). */
const TAGS_PER_CALL = 100;

/**
 * Adds `tags` to the page or route being rendered (Next collects the tags of
 * every unstable_cache call made during a static render onto the page's cache
 * entry). The cached function itself is a constant; only its tags matter.
 * Outside a Next render (tests, scripts) there is no page: nothing to do.
 */
export async function tagCurrentPage(tags: string[]): Promise<void> {
  const unique = [...new Set(tags)].filter((t) => t.length <= MAX_TAG_LENGTH);
  for (let i = 0; i < unique.length; i += TAGS_PER_CALL) {
    await cachedUnderTags(["broadsheet-page-tags"], unique.slice(i, i + TAGS_PER_CALL), async () => true);
  }
}

/**
 * `read()` kept in Next's data cache (this instance's memory, lib/cache/handler.cjs)
 * until one of `tags` is revalidated, on any instance; the page being rendered
 * carries the tags. For reads many pages share that change rarely. Outside a
 * Next request (tests, scripts) it just reads. The value must survive JSON (no Dates).
 */
export async function cachedUnderTags<T>(keyParts: string[], tags: string[], read: () => Promise<T>): Promise<T> {
  try {
    return await unstable_cache(read, keyParts, { tags, revalidate: false })();
  } catch (error) {
    // Next's data cache exists only inside a Next request.
    if (error instanceof Error && error.message.includes("incrementalCache missing")) return read();
    throw error;
  }
}
