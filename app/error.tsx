"use client";

import Link from "next/link";

/** Unexpected errors inside the layout: the site's frame stays, the message never reaches the reader. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-page">
      <p className="kicker">Something went wrong</p>
      <h1>Sorry, this page could not be shown</h1>
      <p>It’s a problem on our side. Please try again in a moment.</p>
      <p className="error-actions">
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
        <Link href="/">Go to the front page</Link>
      </p>
    </div>
  );
}
