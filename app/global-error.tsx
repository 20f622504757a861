"use client";

import "./globals.css";

/** When even the root layout fails: a self-contained page in the site's style. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en-GB">
      <head>
        <title>Something went wrong</title>
      </head>
      <body>
        <main id="main">
          <div className="container error-page">
            <p className="kicker">Something went wrong</p>
            <h1>Sorry, this page could not be shown</h1>
            <p>It’s a problem on our side. Please try again in a moment.</p>
            <p className="error-actions">
              <button type="button" onClick={() => reset()}>
                Try again
              </button>
              {/* A full page load: the app's router may be what failed. */}
              {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
              <a href="/">Go to the front page</a>
            </p>
          </div>
        </main>
      </body>
    </html>
  );
}
