import { beforeAll, describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { createElement, Fragment } from "react";
import { createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";
import { highlightParts, normalizeQuery, searchPublishedPosts } from "@/lib/posts/search-posts";

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
    expect(await searchPublishedPosts({ query: "   " })).toMatchObject({ hits: [], total: 0 });
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
    expect(beyond).toMatchObject({ hits: [], total: 3 });
  });

  it("normalizes queries: control characters, highlight sentinels and arrays", () => {
    expect(normalizeQuery(["a\u0000b\uE000c", "x"])).toBe("a b c");
    expect(normalizeQuery(undefined)).toBe("");
    expect(normalizeQuery("x".repeat(500))).toHaveLength(200);
  });
});
