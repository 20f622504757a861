"use client";

import "./globals.css";
import { ErrorMessage } from "@/components/error-message";

/** When even the root layout fails: a self-contained page in the site's style. */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  // A full page load to the front page: the app's router may be what failed.
  // eslint-disable-next-line @next/next/no-html-link-for-pages
  const homeLink = <a href="/">Go to the front page</a>;
  return (
    <html lang="en-GB">
      <head>
        <title>Something went wrong</title>
      </head>
      <body>
        <main id="main">
          <ErrorMessage className="container error-page" reset={reset} homeLink={homeLink} />
        </main>
      </body>
    </html>
  );
}
