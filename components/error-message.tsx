"use client";

import type { ReactNode } from "react";

/**
 * The reader's "something went wrong" message, for app/error.tsx (inside the
 * site's frame) and app/global-error.tsx (its own page). The error itself never
 * reaches the reader. `homeLink` is the way back to the front page: a client
 * navigation, or a full page load when the app's router may be what failed.
 */
export function ErrorMessage({ className, reset, homeLink }: { className: string; reset: () => void; homeLink: ReactNode }) {
  return (
    <div className={className}>
      <p className="kicker">Something went wrong</p>
      <h1>Sorry, this page could not be shown</h1>
      <p>It’s a problem on our side. Please try again in a moment.</p>
      <p className="error-actions">
        <button type="button" onClick={() => reset()}>
          Try again
        </button>
        {homeLink}
      </p>
    </div>
  );
}
