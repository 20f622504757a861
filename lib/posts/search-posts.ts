import "server-only";
import { db } from "@/lib/db";
import { postCardSelect, publicPostWhere, type PostCard } from "@/lib/posts/public-posts";

/**
 * Full-text search over published posts with PostgreSQL: the STORED
 * `searchVector` column (title weight A, excerpt B, body C; GIN index) matched
 * with websearch_to_tsquery, which accepts any user input (quotes, "or", "-",
 * punctuation) without syntax errors. Ranked with ts_rank_cd, so title hits
 * outrank body hits.
 *
 * Snippets come from ts_headline with private-use sentinel characters around
 * the matches (stripped from the text first), so callers can split them into
 * plain text and <mark> elements: no HTML is ever built from post text.
 */
export const HIGHLIGHT_START = "\uE000";
export const HIGHLIGHT_STOP = "\uE001";
export const MAX_QUERY_LENGTH = 200;

export type SearchHit = PostCard & { snippet: string };
export type SearchResult = { query: string; hits: SearchHit[]; total: number; page: number; pages: number };

export function normalizeQuery(raw: unknown): string {
  const text = typeof raw === "string" ? raw : Array.isArray(raw) ? String(raw[0] ?? "") : "";
  return text.replace(/[\u0000-\u001f\uE000\uE001]/g, " ").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
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

export async function searchPublishedPosts(options: { query: string; page?: number; perPage?: number }): Promise<SearchResult> {
  const query = normalizeQuery(options.query);
  const perPage = options.perPage ?? 10;
  const page = Math.max(1, options.page ?? 1);
  if (!query) return { query, hits: [], total: 0, page, pages: 0 };
  const now = new Date();
  const options_ = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const rows = await db().$queryRaw<{ id: string; snippet: string; total: bigint }[]>`
    WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query),
    matches AS (
      SELECT p.id, p.excerpt, p.body, p."publishedAt", ts_rank_cd(p."searchVector", q.query, 1) AS rank, q.query
      FROM "Post" p, q
      WHERE p."searchVector" @@ q.query
        AND p.status = 'PUBLISHED' AND p."publishedAt" <= ${now} AND p."hiddenAt" IS NULL
    )
    SELECT m.id, count(*) OVER () AS total,
      ts_headline('english',
        regexp_replace(
          regexp_replace(
            regexp_replace(m.excerpt || ' ' || m.body, '!\\[[^\\]]*\\]\\([^)]*\\)', ' ', 'g'),
          '\\]\\([^)]*\\)', ' ', 'g'),
        '[\\uE000\\uE001#*_\`>|~\\[\\]]+', ' ', 'g'),
        m.query, ${options_}) AS snippet
    FROM matches m
    ORDER BY m.rank DESC, m."publishedAt" DESC, m.id DESC
    LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`;
  const total = rows.length ? Number(rows[0]!.total) : page === 1 ? 0 : await countMatches(query, now);
  const cards = rows.length ? await db().post.findMany({ where: { ...publicPostWhere(now), id: { in: rows.map((r) => r.id) } }, select: postCardSelect }) : [];
  const byId = new Map(cards.map((c) => [c.id, c]));
  const hits = rows.flatMap((r) => {
    const card = byId.get(r.id);
    return card ? [{ ...card, snippet: r.snippet.replace(/\s+/g, " ").trim() }] : [];
  });
  return { query, hits, total, page, pages: Math.ceil(total / perPage) };
}

async function countMatches(query: string, now: Date): Promise<number> {
  const [row] = await db().$queryRaw<{ count: bigint }[]>`
    SELECT count(*) FROM "Post" p
    WHERE p."searchVector" @@ websearch_to_tsquery('english', ${query})
      AND p.status = 'PUBLISHED' AND p."publishedAt" <= ${now} AND p."hiddenAt" IS NULL`;
  return Number(row?.count ?? 0);
}
