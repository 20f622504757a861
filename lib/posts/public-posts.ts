import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { isVisibleToReaders, type ReaderList } from "@/lib/cache/reader-effect";
import { ALL_PUBLIC_PAGES_TAG, cachedUnderTags, pageTag, postTags, tagCurrentPage } from "@/lib/cache/page-tags";
import { pageWindow, pageCount } from "@/lib/db/pagination";

/**
 * Reader-facing queries. These deliberately skip authorization: they only
 * ever return what any anonymous reader may see (published, not hidden, and
 * publishedAt in the past). Each tags the page being rendered with what it
 * returns (lib/cache/page-tags.ts), so the page expires exactly when one of
 * those things changes for readers. See lib/cache/README.md.
 */

/** The SQL twin of isVisibleToReaders (lib/cache/reader-effect.ts), the one definition. */
export function publicPostWhere(now = new Date()): Prisma.PostWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now }, hiddenAt: null };
}

/**
 * The same filter in SQL, for raw queries over `"Post" p`. The status is a
 * literal: Prisma's own `CAST($1::text AS "PostStatus")` is not a constant to
 * the planner, so its queries can never use the public posts' partial index
 * ("Post_public_publishedAt_idx", predicate status = 'PUBLISHED' AND
 * "hiddenAt" IS NULL); these can.
 */
export function publicPostSql(now = new Date()): Prisma.Sql {
  return Prisma.sql`p.status = 'PUBLISHED' AND p."hiddenAt" IS NULL AND p."publishedAt" <= ${now}`;
}

export const isPublic = isVisibleToReaders;

const imageSelect = { storageKey: true, altText: true, width: true, height: true } satisfies Prisma.MediaSelect;

export const postCardSelect = {
  id: true,
  title: true,
  slug: true,
  excerpt: true,
  publishedAt: true,
  updatedAt: true,
  featured: true,
  authorId: true,
  author: { select: { displayName: true, username: true } },
  category: { select: { name: true, slug: true } },
  coverMedia: { select: imageSelect },
} satisfies Prisma.PostSelect;

export type PostCard = Prisma.PostGetPayload<{ select: typeof postCardSelect }>;

export const PER_PAGE = 12;

export type PostPage = { posts: PostCard[]; total: number; page: number; pages: number };

/** The lists readers browse; a typed filter always narrowed inside the public filter, never a raw `where`. */
export type PublicList = { kind: "home" } | { kind: "section"; sectionId: string } | { kind: "tag"; tagId: string } | { kind: "author"; authorId: string };

function listKey(list: PublicList): ReaderList {
  switch (list.kind) {
    case "home":
      return "home";
    case "section":
      return `section:${list.sectionId}`;
    case "tag":
      return `tag:${list.tagId}`;
    case "author":
      return `author:${list.authorId}`;
  }
}

/** A list's own condition over `"Post" p`, always joined to publicPostSql. */
function listSql(list: PublicList): Prisma.Sql {
  switch (list.kind) {
    case "home":
      return Prisma.sql`TRUE`;
    case "section":
      return Prisma.sql`p."categoryId" = ${list.sectionId}`;
    case "tag":
      return Prisma.sql`EXISTS (SELECT 1 FROM "PostTag" pt WHERE pt."postId" = p.id AND pt."tagId" = ${list.tagId})`;
    case "author":
      return Prisma.sql`p."authorId" = ${list.authorId}`;
  }
}

/** Tags the page with what a list of cards shows: each post, its author (byline) and its list. */
export async function tagCardsOnPage(cards: PostCard[], list?: PublicList): Promise<void> {
  await tagCurrentPage([...(list ? [pageTag.list(listKey(list))] : []), ...cards.flatMap((card) => postTags({ id: card.id, authorId: card.authorId }))]);
}

/**
 * One page of a list. `excludeIds`: posts of the list the page shows elsewhere
 * (the home page's lead), left out of the page and of the total.
 */
export async function listPublishedPosts(options: { list: PublicList; page: number; perPage?: number; excludeIds?: string[] }): Promise<PostPage> {
  const perPage = options.perPage ?? PER_PAGE;
  const excludeIds = options.excludeIds ?? [];
  const now = new Date();
  const where = Prisma.sql`${publicPostSql(now)} AND ${listSql(options.list)} AND NOT (p.id = ANY(${excludeIds}::text[]))`;
  const [posts, listTotal] = await Promise.all([cardsOfPage(where, now, pageWindow(options.page, perPage)), countOfList(listKey(options.list))]);
  const total = Math.max(0, listTotal - excludeIds.length);
  await tagCardsOnPage(posts, options.list);
  return { posts, total, page: options.page, pages: pageCount(total, perPage) };
}

/** Starts counting a list now (the home page counts while it finds its lead); the list's own count in this request shares it. */
export function preloadListCount(list: PublicList): void {
  countOfList(listKey(list)).catch(() => undefined);
}

/**
 * One page of a list, id first: the page's ids from an index (the home list
 * from the public posts' partial index alone), then the cards of those ids
 * only. Skipping rows with the cards selected read every skipped row from the
 * table: a deep page of the home list (page 8 000 at 100 000 posts) took
 * 70–80 ms that way (EXPLAIN ANALYZE).
 */
async function cardsOfPage(where: Prisma.Sql, now: Date, { skip, take }: { skip: number; take: number }): Promise<PostCard[]> {
  const ids = (await db().$queryRaw<{ id: string }[]>`SELECT p.id FROM "Post" p WHERE ${where} ORDER BY p."publishedAt" DESC, p.id DESC OFFSET ${skip} LIMIT ${take}`).map((r) => r.id);
  return publicCardsByIds(ids, now);
}

/**
 * The cards of `ids`, in that order, for queries that pick ids first (lists,
 * related articles, search). Still public: a post unpublished since its id was
 * read is left out.
 */
export async function publicCardsByIds(ids: string[], now = new Date()): Promise<PostCard[]> {
  if (ids.length === 0) return [];
  const cards = await db().post.findMany({ where: { ...publicPostWhere(now), id: { in: ids } }, select: postCardSelect });
  const byId = new Map(cards.map((card) => [card.id, card]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * How many posts a list has, kept in the page cache under the list's tag: the
 * number changes only when a post joins or leaves the list, and every such
 * change expires `l:<list>` (its effect names the list), on every instance.
 * Counting reads every public entry of the list (20–80 ms at 100 000 posts),
 * so without this every render of any page of a big list paid for it. A
 * site-wide expiry (import, restore, "Refresh public pages") recounts too.
 * Outside a Next render (tests, scripts) there is no cache: it counts. One
 * count per list and request (React's cache), however many ask.
 */
const countOfList = cache(async (key: ReaderList): Promise<number> =>
  cachedUnderTags(["broadsheet-list-count", key], [pageTag.list(key), ALL_PUBLIC_PAGES_TAG], async () =>
    Number((await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Post" p WHERE ${publicPostSql()} AND ${listSql(listOfKey(key))}`)[0]?.n ?? 0),
  ),
);

function listOfKey(key: ReaderList): PublicList {
  if (key === "home") return { kind: "home" };
  const at = key.indexOf(":");
  const [kind, id] = [key.slice(0, at), key.slice(at + 1)];
  return kind === "section" ? { kind: "section", sectionId: id } : kind === "tag" ? { kind: "tag", tagId: id } : { kind: "author", authorId: id };
}

/** The home page's lead: the newest featured article, else the newest article. */
export async function featuredPost(): Promise<PostCard | null> {
  const featured =
    (await db().post.findFirst({
      where: { ...publicPostWhere(), featured: true },
      select: postCardSelect,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    })) ?? (await db().post.findFirst({ where: publicPostWhere(), select: postCardSelect, orderBy: [{ publishedAt: "desc" }, { id: "desc" }] }));
  await tagCardsOnPage(featured ? [featured] : [], { kind: "home" });
  return featured;
}

export const articleSelect = {
  ...postCardSelect,
  body: true,
  status: true,
  authorId: true,
  categoryId: true,
  createdAt: true,
  hiddenAt: true,
  author: {
    select: {
      displayName: true,
      username: true,
      bio: true,
      avatarMedia: { select: imageSelect },
    },
  },
  category: { select: { name: true, slug: true } },
  coverMedia: { select: { ...imageSelect, caption: true, credit: true } },
  tags: { select: { tag: { select: { id: true, name: true, slug: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.PostSelect;

export type Article = Prisma.PostGetPayload<{ select: typeof articleSelect }>;

/**
 * A post anyone may read, by its current slug. The page is tagged with the
 * slug even when nothing is found, so the 404 goes once a post takes it.
 */
export async function publicPostBySlug(slug: string): Promise<Article | null> {
  const post = await db().post.findFirst({ where: { slug, ...publicPostWhere() }, select: articleSelect });
  await tagCurrentPage([pageTag.slug(slug), ...(post ? postTags({ id: post.id, authorId: post.authorId, tagIds: post.tags.map((t) => t.tag.id) }) : [])]);
  return post;
}

/** Any post by slug, whatever its state: for previews, after an authorization check by the caller. */
export async function anyPostBySlugForPreview(slug: string): Promise<Article | null> {
  return db().post.findUnique({ where: { slug }, select: articleSelect });
}

/** The current slug of a post that used to live at `oldSlug` (renamed), if any. */
export async function currentSlugFor(oldSlug: string): Promise<string | null> {
  const redirect = await db().slugRedirect.findUnique({ where: { fromSlug: oldSlug }, select: { post: { select: { id: true, slug: true } } } });
  // The redirect follows the post wherever its slug goes next.
  if (redirect) await tagCurrentPage([pageTag.post(redirect.post.id)]);
  return redirect?.post.slug ?? null;
}

/** When an edit after publication counts as an update worth showing ("Updated 6 January 2026"). */
export function updatedAfterPublishing(post: { publishedAt: Date | null; updatedAt: Date }): Date | null {
  if (!post.publishedAt) return null;
  // Publishing itself touches updatedAt; only later edits (a minute or more) count.
  return post.updatedAt.getTime() - post.publishedAt.getTime() > 60_000 ? post.updatedAt : null;
}
