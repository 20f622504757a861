import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement, Fragment } from "react";
import { createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";
import { highlightParts, normalizeQuery, searchPublishedPosts, searchMetrics, MAX_PAGE, MAX_QUERY_WORDS } from "@/lib/posts/search-posts";
import { db } from "@/lib/db";
import { isStatementTimeout, withStatementTimeout } from "@/lib/db/statement-timeout";

const word = uniqueId("quokka");
let titleHit: { id: string };
let bodyHit: { id: string };
let htmlPost: { id: string };

beforeAll(async () => {
  const author = await createTestUser({ role: "AUTHOR" });
  // Older post mentions the word in the body only; newer in the title: rank must beat recency.
  bodyHit = await createTestPost({ author, input: { title: `Harbour notes ${uniqueId()}`, body: `The ${word} colony near the harbour grew again this spring. Rangers counted nests.` }, publish: new Date(Date.now() - 5 * 86_400_000) });
  titleHit = await createTestPost({ author, input: { title: `${word} sightings double`, body: "Rangers say numbers are up along the coast." }, publish: new Date(Date.now() - 86_400_000) });
  htmlPost = await createTestPost({ author, input: { title: `Markup ${uniqueId()}`, body: `A <script>alert(1)</script> test about ${word} & <b>bold</b> claims.` }, publish: true });
});

describe("search", () => {
  it("[READER] ranks a title match above a body-only match", async () => {
    const result = await searchPublishedPosts({ query: word });
    const ids = result.hits.map((h) => h.id);
    expect(ids.indexOf(titleHit.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(titleHit.id)).toBeLessThan(ids.indexOf(bodyHit.id));
    expect(result.total).toBe(3);
  });

  it("[READER] multi-word queries ignore case and punctuation and match stems", async () => {
    const result = await searchPublishedPosts({ query: `  ${word.toUpperCase()}!!! -- colonies, HARBOUR?? ` });
    expect(result.hits.map((h) => h.id)).toEqual([bodyHit.id]);
  });

  it("[READER] quoted phrases and stray operators never cause an error", async () => {
    for (const query of [`"${word} colony"`, "(((", "a & | ! :*", "'; DROP TABLE \"Post\"; --", "or", "-"]) {
      await expect(searchPublishedPosts({ query })).resolves.toBeDefined();
    }
    expect((await searchPublishedPosts({ query: `"${word} colony"` })).hits.map((h) => h.id)).toEqual([bodyHit.id]);
  });

  it("[READER] snippets highlight the matched terms", async () => {
    const hit = (await searchPublishedPosts({ query: `${word} rangers` })).hits.find((h) => h.id === bodyHit.id)!;
    const marked = highlightParts(hit.snippet).filter((p) => p.highlight).map((p) => p.text.toLowerCase());
    expect(marked).toContain(word.toLowerCase());
    expect(marked).toContain("rangers");
  });

  it("[READER] post text in a snippet is shown as text, never as markup", async () => {
    const hit = (await searchPublishedPosts({ query: word })).hits.find((h) => h.id === htmlPost.id)!;
    const html = renderToStaticMarkup(
      createElement(Fragment, null, ...highlightParts(hit.snippet).map((p, i) => (p.highlight ? createElement("mark", { key: i }, p.text) : createElement("span", { key: i }, p.text)))),
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    // The only elements are the ones we made; everything else is escaped text.
    expect(html).not.toMatch(/<(?!\/?(mark|span)>)/);
    expect(html).toContain("&amp;");
    expect(html).toMatch(/<mark>[^<]*quokka/i);
  });

  it("[READER] an empty query returns no results without querying, and nonsense returns none", async () => {
    const before = searchMetrics.databaseQueries;
    expect(await searchPublishedPosts({ query: "   " })).toMatchObject({ status: "needs-word", hits: [], total: 0 });
    expect(searchMetrics.databaseQueries).toBe(before);
    expect(await searchPublishedPosts({ query: uniqueId("nothingmatches") })).toMatchObject({ hits: [], total: 0 });
  });

  it("[READER] pages through results", async () => {
    const first = await searchPublishedPosts({ query: word, perPage: 2, page: 1 });
    const second = await searchPublishedPosts({ query: word, perPage: 2, page: 2 });
    expect(first.pages).toBe(2);
    expect(first.hits).toHaveLength(2);
    expect(second.hits).toHaveLength(1);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(3);
    const beyond = await searchPublishedPosts({ query: word, perPage: 2, page: 5 });
    expect(beyond).toMatchObject({ status: "ok", hits: [], total: 3 });
  });

  it("[READER] negation-only and stop-word-only queries are refused politely, without a scan", async () => {
    for (const query of [`-${word}`, "-zzzq", `-${word} -harbour`, "the and of", "-the", `-${word} or -harbour`]) {
      expect(await searchPublishedPosts({ query }), query).toMatchObject({ status: "needs-word", hits: [], total: 0 });
    }
    // A negation next to a real word is fine.
    expect((await searchPublishedPosts({ query: `${word} -rangers` })).hits.map((h) => h.id)).toEqual([htmlPost.id]);
  });

  it("[READER] a page past the last allowed one is answered politely without querying", async () => {
    const before = searchMetrics.databaseQueries;
    for (const page of [MAX_PAGE + 1, 9999, 1e9]) {
      expect(await searchPublishedPosts({ query: word, page })).toMatchObject({ status: "too-deep", hits: [], page });
    }
    expect(searchMetrics.databaseQueries).toBe(before);
    // The last allowed page is still searched: empty here, with the real total.
    expect(await searchPublishedPosts({ query: word, page: MAX_PAGE })).toMatchObject({ status: "ok", hits: [], total: 3 });
  });

  it("[READER] a 300-character query is cut to the length and word limits and still answers", async () => {
    const long = `${word} ${"harbour ".repeat(40)}`.slice(0, 300);
    expect(normalizeQuery(long).length).toBeLessThanOrEqual(200);
    expect(normalizeQuery(long).split(" ")).toHaveLength(MAX_QUERY_WORDS);
    const result = await searchPublishedPosts({ query: long });
    expect(result.status).toBe("ok");
    expect(result.hits.map((h) => h.id)).toEqual([bodyHit.id]);
  });

  it("[READER] identical queries arriving together share one database query", async () => {
    const query = `${word} rangers`;
    const before = searchMetrics.databaseQueries;
    const results = await Promise.all(Array.from({ length: 8 }, () => searchPublishedPosts({ query: `  ${query} `, page: 1, perPage: 3 })));
    expect(searchMetrics.databaseQueries - before).toBe(1);
    for (const result of results) expect(result.hits.map((h) => h.id)).toEqual(results[0]!.hits.map((h) => h.id));
    // Shared for a few seconds afterwards too; another page is another query.
    await searchPublishedPosts({ query, page: 1, perPage: 3 });
    expect(searchMetrics.databaseQueries - before).toBe(1);
    await searchPublishedPosts({ query, page: 2, perPage: 3 });
    expect(searchMetrics.databaseQueries - before).toBe(2);
  });

  it("[READER] beyond the candidate cap the total is a lower bound and the newest matches are ranked", async () => {
    const result = await searchPublishedPosts({ query: word, candidateCap: 2 });
    expect(result).toMatchObject({ status: "ok", total: 2, capped: true, pages: 1 });
    // The two newest matches only: the oldest (body-only) hit is past the cap.
    expect(result.hits.map((h) => h.id).sort()).toEqual([titleHit.id, htmlPost.id].sort());
    expect(await searchPublishedPosts({ query: word, candidateCap: 3 })).toMatchObject({ total: 3, capped: false });
  });

  it("[READER] a word in many posts is searched in a window of the newest posts, with the same answer as a search of all of them", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const common = uniqueId("wombat");
    const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);
    // 24 matches, newest 3 days ago; then 10 newer posts without the word.
    const matches: { id: string }[] = [];
    for (let i = 0; i < 24; i++) matches.push(await createTestPost({ author, input: { title: `Burrow ${i} ${uniqueId()}`, body: `A ${common} was seen.` }, publish: daysAgo(3 + i) }));
    for (let i = 0; i < 10; i++) await createTestPost({ author, input: { title: `Elsewhere ${i} ${uniqueId()}`, body: "Nothing to see." }, publish: daysAgo(1) });
    // The planner's estimate of how many posts hold the word decides the window: statistics make it know.
    await db().$executeRawUnsafe(`ANALYZE "Post"`);
    const newestFirst = matches.map((m) => m.id);

    const before = { ...searchMetrics };
    const windowed = await searchPublishedPosts({ query: common, candidateCap: 2, perPage: 50 });
    expect(searchMetrics.windowScans - before.windowScans).toBe(1);
    expect(windowed).toMatchObject({ status: "ok", total: 2, capped: true });
    expect(windowed.hits.map((h) => h.id).sort()).toEqual(newestFirst.slice(0, 2).sort());

    // Whether the window held enough (posts other tests publish meanwhile are newer) or the search fell back to all matches: the newest ones.
    const fallback = await searchPublishedPosts({ query: common, candidateCap: 5, perPage: 50 });
    expect(fallback).toMatchObject({ total: 5, capped: true });
    expect(fallback.hits.map((h) => h.id).sort()).toEqual(newestFirst.slice(0, 5).sort());
    expect(searchMetrics.windowScans - before.windowScans).toBe(2);

    // Uncapped: every match, the same whichever path found them.
    const all = await searchPublishedPosts({ query: common, candidateCap: 100, perPage: 50 });
    expect(all).toMatchObject({ total: 24, capped: false });
    expect(all.hits.map((h) => h.id).sort()).toEqual([...newestFirst].sort());
  });

  it("a statement cut off by the time limit is recognised, and the limit ends with its transaction", async () => {
    const error = await withStatementTimeout(50, (tx) => tx.$queryRaw`SELECT pg_sleep(2)`).catch((e: unknown) => e);
    expect(isStatementTimeout(error)).toBe(true);
    expect(isStatementTimeout(new Error("something else"))).toBe(false);
    const { db } = await import("@/lib/db");
    const [setting] = await db().$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(setting?.statement_timeout).toBe("0");
  });

  it("normalizes queries: control characters, highlight sentinels and arrays", () => {
    expect(normalizeQuery(["a\u0000b\uE000c", "x"])).toBe("a b c");
    expect(normalizeQuery(undefined)).toBe("");
    expect(normalizeQuery("x".repeat(500))).toHaveLength(200);
  });
});
