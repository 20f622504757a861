import Link from "next/link";
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

export default function NotFound() {
  return (
    <div className="error-page">
      <p className="kicker">Error 404</p>
      <h1>We couldn’t find that page</h1>
      <p>The article may have been moved or unpublished, or the address may be mistyped.</p>
      <form action="/search" method="get" role="search" aria-label="Search from this page" className="search-form">
        <label htmlFor="notfound-search">Search articles</label>
        <div>
          <input id="notfound-search" type="search" name="q" />
          <button type="submit">Search</button>
        </div>
      </form>
      <p>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
