import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { searchMemo } from "@/lib/posts/search-memo";
import { isStatementTimeout, withStatementTimeout } from "@/lib/db/statement-timeout";
import { publicCardsByIds, publicPostSql, type PostCard } from "@/lib/posts/public-posts";

/**
 * Full-text search over published posts with PostgreSQL: the STORED
 * `searchVector` column (title weight A, excerpt B, body C; GIN index) matched
 * with websearch_to_tsquery, which accepts any user input (quotes, "or", "-",
 * punctuation) without syntax errors.
 *
 * The work per query is bounded whatever the input (a 100 000-article site
 * answers any query in a few tens of milliseconds):
 * - the query is cut to MAX_QUERY_LENGTH characters and MAX_QUERY_WORDS words;
 *   one with nothing to look up in the index (empty, stop words only, only
 *   negations such as `-word`) is refused before any scan ("needs-word");
 * - ranking (ts_rank_cd, title hits above body hits) runs over the newest
 *   CANDIDATE_CAP matches only; beyond that the total is a lower bound
 *   ("more than 1 000");
 * - snippets (ts_headline, the costly part) are built for the page's rows only;
 * - pages stop at MAX_PAGE ("too-deep", answered without a query);
 * - statement_timeout inside the query's transaction is the last guard
 *   ("timeout", answered politely);
 * - identical queries within MEMO_TTL_MS share one result, and identical
 *   queries arriving together share one database query.
 *
 * Snippets come from ts_headline with private-use sentinel characters around
 * the matches (stripped from the text first), so callers can split them into
 * plain text and <mark> elements: no HTML is ever built from post text.
 */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";
export const MAX_QUERY_LENGTH = 200;
export const MAX_QUERY_WORDS = 10;
export const CANDIDATE_CAP = 1000;
export const MAX_PAGE = 20;
export const SEARCH_PER_PAGE = 10;
export const STATEMENT_TIMEOUT_MS = 2000;
export { MEMO_TTL_MS, clearSearchMemo } from "@/lib/posts/search-memo";

export type SearchHit = PostCard & { snippet: string };
export type SearchStatus = "ok" | "needs-word" | "too-deep" | "timeout";
export type SearchResult = {
  status: SearchStatus;
  query: string;
  hits: SearchHit[];
  /** Matches counted, at most CANDIDATE_CAP; `capped` means there are more. */
  total: number;
  capped: boolean;
  page: number;
  /** Pages that can be shown: at most MAX_PAGE. */
  pages: number;
};

export function normalizeQuery(raw: unknown): string {
  const text = typeof raw === "string" ? raw : Array.isArray(raw) ? String(raw[0] ?? "") : "";
  return text
    .replace(/[\u0000-\u001f\uE000\uE001]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUERY_LENGTH)
    .split(" ")
    .slice(0, MAX_QUERY_WORDS)
    .join(" ")
    .trim();
}

/** Splits a snippet into text and highlighted parts. */
export function highlightParts(snippet: string): { text: string; highlight: boolean }[] {
  const parts: { text: string; highlight: boolean }[] = [];
  const pattern = new RegExp(`${HIGHLIGHT_START}([^${HIGHLIGHT_STOP}]*)${HIGHLIGHT_STOP}`, "g");
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: snippet.slice(last, match.index), highlight: false });
    parts.push({ text: match[1] ?? "", highlight: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), highlight: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/[\uE000\uE001]/g, "") }));
}

/** How many searches reached the database in this process (for tests and diagnostics). */
export const searchMetrics = { databaseQueries: 0, windowScans: 0, fullScans: 0 };

/** `candidateCap` is for tests (reaching the real cap takes thousands of posts). */
export async function searchPublishedPosts(options: { query: string; page?: number; perPage?: number; candidateCap?: number }): Promise<SearchResult> {
  const query = normalizeQuery(options.query);
  const perPage = Math.min(50, Math.max(1, Math.floor(options.perPage ?? SEARCH_PER_PAGE)));
  const page = Math.max(1, Math.floor(options.page ?? 1) || 1);
  const empty = { query, hits: [], total: 0, capped: false, page, pages: 0 };
  if (!query) return { status: "needs-word", ...empty };
  if (page > MAX_PAGE) return { status: "too-deep", ...empty };
  const cap = options.candidateCap ?? CANDIDATE_CAP;
  return searchMemo.get(JSON.stringify([query, page, perPage, cap]), () => runSearch(query, page, perPage, cap));
}

type Row = { total: bigint; indexable: boolean; id: string | null; snippet: string | null };

async function runSearch(query: string, page: number, perPage: number, cap: number): Promise<SearchResult> {
  searchMetrics.databaseQueries++;
  const empty = { query, hits: [], total: 0, capped: false, page, pages: 0 };
  let rows: Row[];
  try {
    rows = await withStatementTimeout(STATEMENT_TIMEOUT_MS, (tx) => searchRows(tx, query, page, perPage, cap));
  } catch (error) {
    if (isStatementTimeout(error)) {
      console.warn(`[search] statement timeout for a ${query.length}-character query, page ${page}`);
      return { status: "timeout", ...empty };
    }
    throw error;
  }
  if (!rows[0]?.indexable) return { status: "needs-word", ...empty };
  const counted = Number(rows[0].total);
  const capped = counted > cap;
  const total = Math.min(counted, cap);
  const pages = Math.min(MAX_PAGE, Math.ceil(total / perPage));
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  const byId = new Map((await publicCardsByIds(ids)).map((c) => [c.id, c]));
  const hits = rows.flatMap((r) => {
    const card = r.id ? byId.get(r.id) : undefined;
    return card ? [{ ...card, snippet: (r.snippet ?? "").replace(/\s+/g, " ").trim() }] : [];
  });
  return { status: "ok", query, hits, total, capped, page, pages };
}

/**
 * In one transaction. First `querytree()`: what of the query the GIN index
 * can use; '' (stop words only) or 'T' (only negations) means every row would
 * have to be read, so nothing is scanned. Then the newest CANDIDATE_CAP + 1
 * matches (`newestMatches`), then the ranking of those and a snippet for the
 * page's rows only.
 *
 * Matches are always found through the GIN index (a bitmap scan), which never
 * reads a post's tsvector: the tsvector of an article is ~10 kB, stored out of
 * line (TOAST), and testing rows one by one read 5 TOAST pages per row
 * (measured at 100 000 posts: 250 ms for two common words from a cold
 * cache). For a query that matches many posts, the bitmap is narrowed to the
 * newest public posts that should hold CANDIDATE_CAP + 1 matches (a window
 * taken from the planner's estimate of the share of posts matching, with a
 * margin; read from the public posts' index), so the work follows the cap, not
 * the archive. When the estimate was too high and the window holds too few,
 * one more scan without the window answers exactly; its cost follows the
 * number of matches, which was then small.
 */
/** Windowing pays when the planner expects at least this many times the cap in matches. */
const WINDOW_FROM_CAPS = 4;
/** The window holds this many times the posts the estimate says are needed. */
const WINDOW_MARGIN = 1.5;

async function searchRows(tx: Tx, query: string, page: number, perPage: number, cap: number): Promise<Row[]> {
  const [tree] = await tx.$queryRaw<{ indexable: boolean; posts: number }[]>`
    SELECT querytree(websearch_to_tsquery('english', ${query})) NOT IN ('', 'T') AS indexable,
           (SELECT greatest(reltuples, 1)::float8 FROM pg_class WHERE oid = '"Post"'::regclass) AS posts`;
  if (!tree?.indexable) return [];
  const now = new Date();
  const candidates = await newestMatches(tx, query, now, cap, tree.posts);
  if (candidates.length === 0) return [{ total: BigInt(0), indexable: true, id: null, snippet: null }];
  const ranked = candidates.slice(0, cap);
  const headline = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const rows = await tx.$queryRaw<Omit<Row, "total" | "indexable">[]>`
    WITH ranked AS (
      SELECT p.id, p."publishedAt", ts_rank_cd(p."searchVector", websearch_to_tsquery('english', ${query}), 1) AS rank
      FROM "Post" p
      WHERE p.id = ANY(${ranked}::text[])
      ORDER BY rank DESC, p."publishedAt" DESC, p.id DESC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}
    )
    SELECT ranked.id,
      ts_headline('english',
        regexp_replace(
          regexp_replace(
            regexp_replace(p.excerpt || ' ' || p.body, '!\\[[^\\]]*\\]\\([^)]*\\)', ' ', 'g'),
          '\\]\\([^)]*\\)', ' ', 'g'),
        '[\\uE000\\uE001#*_\`>|~\\[\\]]+', ' ', 'g'),
        websearch_to_tsquery('english', ${query}), ${headline}) AS snippet
    FROM ranked JOIN "Post" p ON p.id = ranked.id
    ORDER BY ranked.rank DESC, ranked."publishedAt" DESC, ranked.id DESC`;
  const total = BigInt(candidates.length);
  if (rows.length === 0) return [{ total, indexable: true, id: null, snippet: null }];
  return rows.map((r) => ({ ...r, total, indexable: true }));
}

/** Ids of the newest `cap` + 1 public posts matching `query`, newest first (see searchRows). */
async function newestMatches(tx: Tx, query: string, now: Date, cap: number, posts: number): Promise<string[]> {
  const [plan] = await tx.$queryRaw<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM "Post" p WHERE p."searchVector" @@ websearch_to_tsquery('english', ${query})`;
  const estimated = plan?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0;
  let since: Date | null = null;
  if (estimated >= WINDOW_FROM_CAPS * cap) {
    const window = Math.ceil(((cap + 1) * posts * WINDOW_MARGIN) / estimated);
    const [edge] = await tx.$queryRaw<{ publishedAt: Date }[]>`
      SELECT p."publishedAt" FROM "Post" p
      WHERE ${publicPostSql(now)}
      ORDER BY p."publishedAt" DESC, p.id DESC
      OFFSET ${window - 1} LIMIT 1`;
    since = edge?.publishedAt ?? null;
  }
  // Bitmap scans only (see above): the GIN index finds matches without reading tsvectors.
  await tx.$queryRaw`SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true)`;
  const scan = (from: Date | null) => tx.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM "Post" p
    WHERE p."searchVector" @@ websearch_to_tsquery('english', ${query})
      AND ${publicPostSql(now)}
      ${from ? Prisma.sql`AND p."publishedAt" >= ${from}` : Prisma.empty}
    ORDER BY p."publishedAt" DESC, p.id DESC
    LIMIT ${cap + 1}`;
  let rows = await scan(since);
  if (since) searchMetrics.windowScans++;
  // No window, or too few in it (the estimate was high): the exact answer comes from all matches.
  if (!since || rows.length <= cap) {
    if (since) rows = await scan(null);
    searchMetrics.fullScans++;
  }
  return rows.map((r) => r.id);
}
