import "server-only";
import { db } from "@/lib/db";
import { pageTag, tagCurrentPage } from "@/lib/cache/page-tags";
import { absoluteUrl } from "@/lib/seo/metadata";
import { siteSettings } from "@/lib/site-settings/site-settings";

/**
 * Sitemaps for a site of any size (sitemaps.org allows 50 000 URLs per file):
 * - `/sitemap.xml`: a sitemap index listing the files below;
 * - `/sitemaps/pages.xml`: home, sections, tags and author pages;
 * - `/sitemaps/posts-<n>.xml`: articles, oldest first, at most
 *   SITEMAP_URLS_PER_FILE per file, so earlier files stay the same as new
 *   articles arrive. Files are ranges of the key (publishedAt, id): one pass
 *   over the keys finds each file's first key, and a file reads its range
 *   through the (status, publishedAt) index (keyset, never OFFSET);
 * - `/sitemaps/news.xml`: a Google News sitemap of the articles published in
 *   the last 48 hours (at most 1 000, newest first).
 * All are cached like the pages and carry the `sitemaps` tag, which every
 * change readers can see expires (lib/cache/page-tags.ts).
 */
export const SITEMAP_URLS_PER_FILE = 50_000;
export const NEWS_WINDOW_HOURS = 48;
export const NEWS_MAX_URLS = 1000;
/** BCP 47 language of the articles (the pages say lang="en-GB"); Google News wants ISO 639 ("en"). */
export const NEWS_LANGUAGE = "en";

export type SitemapEntry = { url: string; lastModified?: Date };
export type SitemapFile = { url: string; lastModified?: Date };
export type PostSitemapChunk = { startPublishedAt: Date; startId: string; lastModified: Date; count: number };

/** Where a reader-visible post is (the same rule as publicPostWhere, in SQL). */
const PUBLIC = `p.status = 'PUBLISHED' AND p."publishedAt" <= $1 AND p."hiddenAt" IS NULL`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c]!);
}

/** The post files: their first keys, sizes and newest change. */
export async function postSitemapChunks(options: { perFile?: number; now?: Date } = {}): Promise<PostSitemapChunk[]> {
  await tagCurrentPage([pageTag.sitemaps]);
  const perFile = options.perFile ?? SITEMAP_URLS_PER_FILE;
  const rows = await db().$queryRawUnsafe<{ chunk: bigint; startPublishedAt: Date; startId: string; lastModified: Date; count: bigint }[]>(
    `WITH numbered AS (
       SELECT p.id, p."publishedAt", greatest(p."publishedAt", p."updatedAt") AS modified,
              row_number() OVER (ORDER BY p."publishedAt", p.id) - 1 AS rn
       FROM "Post" p WHERE ${PUBLIC}
     )
     SELECT rn / $2 AS chunk,
            max("publishedAt") FILTER (WHERE rn % $2 = 0) AS "startPublishedAt",
            max(id) FILTER (WHERE rn % $2 = 0) AS "startId",
            max(modified) AS "lastModified", count(*) AS count
     FROM numbered GROUP BY 1 ORDER BY 1`,
    options.now ?? new Date(),
    perFile,
  );
  return rows.map((r) => ({ startPublishedAt: r.startPublishedAt, startId: r.startId, lastModified: r.lastModified, count: Number(r.count) }));
}

/** The index: the pages file, every post file, the news file. */
export async function sitemapIndexFiles(options: { perFile?: number; now?: Date } = {}): Promise<SitemapFile[]> {
  const chunks = await postSitemapChunks(options);
  const newest = chunks.reduce<Date | undefined>((latest, c) => (!latest || c.lastModified > latest ? c.lastModified : latest), undefined);
  return [
    { url: absoluteUrl("/sitemaps/pages.xml"), lastModified: newest },
    ...chunks.map((c, i) => ({ url: absoluteUrl(`/sitemaps/posts-${i + 1}.xml`), lastModified: c.lastModified })),
    { url: absoluteUrl("/sitemaps/news.xml"), lastModified: newest },
  ];
}

/** Articles of post file `n` (1-based); null when there is no such file. */
export async function postSitemapEntries(n: number, options: { perFile?: number; now?: Date } = {}): Promise<SitemapEntry[] | null> {
  await tagCurrentPage([pageTag.sitemaps]);
  const perFile = options.perFile ?? SITEMAP_URLS_PER_FILE;
  if (!Number.isInteger(n) || n < 1) return null;
  const chunk = (await postSitemapChunks(options))[n - 1];
  if (!chunk) return null;
  const rows = await db().$queryRawUnsafe<{ slug: string; modified: Date }[]>(
    `SELECT p.slug, greatest(p."publishedAt", p."updatedAt") AS modified
     FROM "Post" p
     WHERE ${PUBLIC} AND p."publishedAt" >= $2 AND (p."publishedAt", p.id) >= ($2, $3)
     ORDER BY p."publishedAt", p.id
     LIMIT $4`,
    options.now ?? new Date(),
    chunk.startPublishedAt,
    chunk.startId,
    perFile,
  );
  return rows.map((r) => ({ url: absoluteUrl(`/posts/${r.slug}`), lastModified: r.modified }));
}

/** Home, every section, every tag and author with a public article. */
export async function pageSitemapEntries(options: { now?: Date } = {}): Promise<SitemapEntry[]> {
  await tagCurrentPage([pageTag.sitemaps]);
  const now = options.now ?? new Date();
  const [home, categories, tags, authors] = await Promise.all([
    db().$queryRawUnsafe<{ newest: Date | null }[]>(`SELECT max(p."publishedAt") AS newest FROM "Post" p WHERE ${PUBLIC}`, now),
    db().$queryRawUnsafe<{ slug: string; modified: Date }[]>(
      `SELECT c.slug, greatest(c."updatedAt", (SELECT max(p."publishedAt") FROM "Post" p WHERE p."categoryId" = c.id AND ${PUBLIC})) AS modified
       FROM "Category" c ORDER BY c.slug`,
      now,
    ),
    db().$queryRawUnsafe<{ slug: string; modified: Date }[]>(
      `SELECT t.slug, max(p."publishedAt") AS modified
       FROM "Tag" t JOIN "PostTag" pt ON pt."tagId" = t.id JOIN "Post" p ON p.id = pt."postId"
       WHERE ${PUBLIC} GROUP BY t.slug ORDER BY t.slug`,
      now,
    ),
    db().$queryRawUnsafe<{ username: string; modified: Date }[]>(
      `SELECT u.username, max(p."publishedAt") AS modified
       FROM "User" u JOIN "Post" p ON p."authorId" = u.id
       WHERE ${PUBLIC} GROUP BY u.username ORDER BY u.username`,
      now,
    ),
  ]);
  return [
    { url: absoluteUrl("/"), lastModified: home[0]?.newest ?? undefined },
    ...categories.map((c) => ({ url: absoluteUrl(`/category/${c.slug}`), lastModified: c.modified })),
    ...tags.map((t) => ({ url: absoluteUrl(`/tag/${t.slug}`), lastModified: t.modified })),
    ...authors.map((a) => ({ url: absoluteUrl(`/authors/${a.username}`), lastModified: a.modified })),
  ];
}

export type NewsEntry = { url: string; title: string; publishedAt: Date };

/** Articles published in the last NEWS_WINDOW_HOURS, newest first, at most NEWS_MAX_URLS. */
export async function newsSitemapEntries(options: { now?: Date } = {}): Promise<NewsEntry[]> {
  await tagCurrentPage([pageTag.sitemaps]);
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - NEWS_WINDOW_HOURS * 3_600_000);
  const posts = await db().post.findMany({
    where: { status: "PUBLISHED", publishedAt: { lte: now, gt: since }, hiddenAt: null },
    select: { slug: true, title: true, publishedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: NEWS_MAX_URLS,
  });
  return posts.map((p) => ({ url: absoluteUrl(`/posts/${p.slug}`), title: p.title, publishedAt: p.publishedAt! }));
}

const lastmod = (date?: Date) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : "");

const SITEMAP_NS = `xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"`;

/** A sitemap document: the XML declaration, `<root namespaces>`, one line per entry, the closing tag and a final newline. */
function sitemapXml(root: "sitemapindex" | "urlset", namespaces: string, lines: string[]): string {
  return [`<?xml version="1.0" encoding="UTF-8"?>`, `<${root} ${namespaces}>`, ...lines, `</${root}>`, ""].join("\n");
}

export function renderSitemapIndex(files: SitemapFile[]): string {
  return sitemapXml("sitemapindex", SITEMAP_NS, files.map((f) => `<sitemap><loc>${escapeXml(f.url)}</loc>${lastmod(f.lastModified)}</sitemap>`));
}

export function renderUrlSet(entries: SitemapEntry[]): string {
  return sitemapXml("urlset", SITEMAP_NS, entries.map((e) => `<url><loc>${escapeXml(e.url)}</loc>${lastmod(e.lastModified)}</url>`));
}

export async function renderNewsSitemap(entries: NewsEntry[]): Promise<string> {
  const { title: siteName } = await siteSettings();
  const publication = `<news:publication><news:name>${escapeXml(siteName)}</news:name><news:language>${NEWS_LANGUAGE}</news:language></news:publication>`;
  return sitemapXml(
    "urlset",
    `${SITEMAP_NS} xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"`,
    entries.map(
      (e) =>
        `<url><loc>${escapeXml(e.url)}</loc><news:news>${publication}<news:publication_date>${e.publishedAt.toISOString()}</news:publication_date><news:title>${escapeXml(e.title)}</news:title></news:news></url>`,
    ),
  );
}
