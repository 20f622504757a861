import Link from "next/link";
import type { Metadata } from "next";
import { normalizeQuery, searchPublishedPosts, highlightParts, MAX_PAGE, MAX_QUERY_LENGTH, type SearchResult } from "@/lib/posts/search-posts";
import { pageMetadata } from "@/lib/seo/metadata";
import { ResponsiveImage } from "@/components/responsive-image";
import { formatDate } from "@/components/format";

/**
 * Search is the one public page rendered per request (any query string is
 * possible, so caching it would let visitors fill the cache). Its cost is
 * bounded in lib/posts/search-posts.ts; every refusal (no word to look up, a
 * page past MAX_PAGE, a query cut off by its time limit) is a polite 200 page.
 */
type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

function pageNumber(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !/^[1-9][0-9]*$/.test(value)) return 1;
  // Any page past the last one is answered the same way; no need for its exact number.
  return value.length > 6 ? MAX_PAGE + 1 : Number(value);
}

function countText(result: SearchResult): string {
  if (result.capped) return `More than ${result.total.toLocaleString("en-GB")} articles found`;
  return result.total === 1 ? "1 article found" : `${result.total.toLocaleString("en-GB")} articles found`;
}

function searchHref(query: string, page: number) {
  const params = new URLSearchParams({ q: query });
  if (page > 1) params.set("page", String(page));
  return `/search?${params.toString()}`;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = normalizeQuery((await searchParams).q);
  const meta = pageMetadata({
    title: query ? `Search results for “${query}”` : "Search",
    description: query ? `Articles matching “${query}”.` : "Search every published article.",
    path: "/search",
    noIndex: !!query,
  });
  return meta;
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = normalizeQuery(params.q);
  const page = pageNumber(params.page);
  const result = query ? await searchPublishedPosts({ query, page }) : null;
  return (
    <div className="search-page">
      <header className="page-heading">
        <h1>{query ? `Search results for “${query}”` : "Search"}</h1>
        <form action="/search" method="get" role="search" aria-label="Search page" className="search-form">
          <label htmlFor="search-query">Search articles</label>
          <div>
            <input id="search-query" type="search" name="q" defaultValue={query} maxLength={MAX_QUERY_LENGTH} />
            <button type="submit">Search</button>
          </div>
        </form>
      </header>
      {!result ? <p className="empty-state">Type a word or phrase to search every published article.</p> : null}
      {result?.status === "needs-word" ? (
        <p className="empty-state" role="status">
          Enter a word to search for. Very common words (such as “the” or “and”) and words with a minus sign in front (which leave them out) are not enough on their own.
        </p>
      ) : null}
      {result?.status === "too-deep" ? (
        <p className="empty-state" role="status">
          Search results stop at page {MAX_PAGE}. Add a word or two to narrow the search, or go back to <Link href={searchHref(query, 1)}>the first page of results</Link>.
        </p>
      ) : null}
      {result?.status === "timeout" ? (
        <p className="empty-state" role="status">
          That search took too long, so we stopped it. Please try again in a moment, or use fewer or more specific words.
        </p>
      ) : null}
      {result?.status === "ok" && result.total === 0 ? (
        <p className="empty-state" role="status">
          No articles match “{query}”. Check the spelling, try fewer or different words, or browse the <Link href="/">latest news</Link>.
        </p>
      ) : null}
      {result?.status === "ok" && result.total > 0 && result.hits.length === 0 ? (
        <p className="empty-state" role="status">
          There are no more results for “{query}” on page {result.page}. Go back to <Link href={searchHref(query, 1)}>the first page of results</Link>.
        </p>
      ) : null}
      {result?.status === "ok" && result.hits.length > 0 ? (
        <>
          <p className="meta" role="status">
            {countText(result)}
            {result.pages > 1 ? ` · page ${result.page} of ${result.pages}` : ""}
            {result.capped ? ` · best matches among the newest ${result.total.toLocaleString("en-GB")}` : ""}
          </p>
          <ol className="search-results">
            {result.hits.map((hit) => (
              <li key={hit.id}>
                <article className="search-hit">
                  {hit.coverMedia ? (
                    <Link href={`/posts/${hit.slug}`} tabIndex={-1} aria-hidden="true" className="search-thumb">
                      <ResponsiveImage {...hit.coverMedia} alt="" sizes="160px" />
                    </Link>
                  ) : null}
                  <div>
                    {hit.category ? <p className="kicker">{hit.category.name}</p> : null}
                    <h2>
                      <Link href={`/posts/${hit.slug}`}>{hit.title}</Link>
                    </h2>
                    <p className="snippet">
                      {highlightParts(hit.snippet).map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
                    </p>
                    <p className="meta">
                      By {hit.author.displayName}
                      {hit.publishedAt ? (
                        <>
                          {" · "}
                          <time dateTime={hit.publishedAt.toISOString()}>{formatDate(hit.publishedAt)}</time>
                        </>
                      ) : null}
                    </p>
                  </div>
                </article>
              </li>
            ))}
          </ol>
          {result.pages > 1 ? (
            <nav className="pagination" aria-label="Search result pages">
              {result.page > 1 ? <Link href={searchHref(query, result.page - 1)}>← Previous</Link> : null}
              <span>
                Page {result.page} of {result.pages}
              </span>
              {result.page < result.pages ? <Link href={searchHref(query, result.page + 1)}>Next →</Link> : null}
            </nav>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
