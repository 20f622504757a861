/**
 * What a change did to the public site: the one vocabulary use cases return
 * ("effect on readers") and the page cache turns into the exact pages to
 * expire (lib/cache/page-tags.ts). Pure: no Next, no database.
 *
 * The one definition of "visible to readers" lives here too
 * (`isVisibleToReaders`); the reader queries' `publicPostWhere` is its SQL twin.
 */

/** A list of articles readers browse: the home page (and feeds, sitemaps), a section, a tag, an author. */
export type ReaderList = "home" | `section:${string}` | `tag:${string}` | `author:${string}`;

export type ReaderEffect = {
  /** Posts whose page or card changed (their article, list entries, related blocks). */
  posts: string[];
  /** Slugs whose address now answers differently (a new article, an old slug, a slug freed). */
  slugs: string[];
  /** Lists whose membership or order changed (a post appeared, left or moved). */
  lists: ReaderList[];
  /** Users whose byline or profile readers see changed. */
  authors: string[];
  /** Usernames whose /authors/<username> address now answers differently. */
  usernames: string[];
  /** Tags whose name or description readers see changed. */
  tags: string[];
  /** Tag slugs whose /tag/<slug> address now answers differently. */
  tagSlugs: string[];
  /** Everything readers see changed (site settings, the sections shown in every header). */
  site: boolean;
};

export const NO_EFFECT: ReaderEffect = Object.freeze({ posts: [], slugs: [], lists: [], authors: [], usernames: [], tags: [], tagSlugs: [], site: false }) as ReaderEffect;

export function readerEffect(parts: Partial<ReaderEffect>): ReaderEffect {
  return { ...NO_EFFECT, ...parts };
}

export const SITE_WIDE_EFFECT: ReaderEffect = Object.freeze(readerEffect({ site: true })) as ReaderEffect;

export function isNoEffect(effect: ReaderEffect): boolean {
  return !effect.site && effect.posts.length + effect.slugs.length + effect.lists.length + effect.authors.length + effect.usernames.length + effect.tags.length + effect.tagSlugs.length === 0;
}

const unique = <T,>(values: T[]): T[] => [...new Set(values)];

export function mergeEffects(...effects: ReaderEffect[]): ReaderEffect {
  return {
    posts: unique(effects.flatMap((e) => e.posts)),
    slugs: unique(effects.flatMap((e) => e.slugs)),
    lists: unique(effects.flatMap((e) => e.lists)),
    authors: unique(effects.flatMap((e) => e.authors)),
    usernames: unique(effects.flatMap((e) => e.usernames)),
    tags: unique(effects.flatMap((e) => e.tags)),
    tagSlugs: unique(effects.flatMap((e) => e.tagSlugs)),
    site: effects.some((e) => e.site),
  };
}

/** What readers may see of a post: published, its time has come, not hidden. */
export function isVisibleToReaders(post: { status: string; publishedAt: Date | null; hiddenAt: Date | null }, now = new Date()): boolean {
  return post.status === "PUBLISHED" && !!post.publishedAt && post.publishedAt <= now && !post.hiddenAt;
}

/** The parts of a post that decide where readers see it. */
export type PostReaderState = {
  id: string;
  slug: string;
  status: string;
  publishedAt: Date | null;
  hiddenAt: Date | null;
  featured: boolean;
  authorId: string;
  categoryId: string | null;
  tagIds: string[];
};

function listsOf(post: PostReaderState): ReaderList[] {
  return ["home", `author:${post.authorId}`, ...(post.categoryId ? [`section:${post.categoryId}` as const] : []), ...post.tagIds.map((id) => `tag:${id}` as const)];
}

const sameMembership = (a: PostReaderState, b: PostReaderState) =>
  a.authorId === b.authorId &&
  a.categoryId === b.categoryId &&
  a.featured === b.featured &&
  a.publishedAt?.getTime() === b.publishedAt?.getTime() &&
  a.tagIds.length === b.tagIds.length &&
  a.tagIds.every((id) => b.tagIds.includes(id));

/**
 * The effect of one post going from `before` to `after` (null: did not exist /
 * no longer exists). Invisible on both sides: nothing. Otherwise its own
 * pages (article, cards, related blocks that list it) and, when it appeared,
 * left or moved, the lists it was and is on. `contentChanged` is false when
 * only bookkeeping changed (nothing readers see).
 */
export function postReaderEffect(before: PostReaderState | null, after: PostReaderState | null, options: { contentChanged?: boolean; now?: Date } = {}): ReaderEffect {
  const now = options.now ?? new Date();
  const wasVisible = !!before && isVisibleToReaders(before, now);
  const isVisible = !!after && isVisibleToReaders(after, now);
  if (!wasVisible && !isVisible) return NO_EFFECT;
  const id = (after ?? before)!.id;
  const slugs = unique([before?.slug, after?.slug].filter((s): s is string => !!s));
  const slugMoved = !!before && !!after && before.slug !== after.slug;
  if (wasVisible && isVisible && sameMembership(before!, after!)) {
    if (options.contentChanged === false && !slugMoved) return NO_EFFECT;
    return readerEffect({ posts: [id], slugs: slugMoved ? slugs : [] });
  }
  const lists = unique([...(wasVisible ? listsOf(before!) : []), ...(isVisible ? listsOf(after!) : [])]);
  return readerEffect({ posts: [id], slugs, lists });
}
