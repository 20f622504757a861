"use client";

import { useEffect, useState } from "react";

/**
 * "Copy link": only rendered once JavaScript runs and the clipboard API exists;
 * without JavaScript the permalink next to it is the way to copy.
 */
export function CopyLinkButton({ url }: { url: string }) {
  const [supported, setSupported] = useState(false);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    // Feature detection must wait for the browser; the server renders nothing.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSupported(typeof navigator !== "undefined" && !!navigator.clipboard);
  }, []);
  if (!supported) return null;
  return (
    <button
      type="button"
      className="secondary share-copy"
      onClick={() =>
        navigator.clipboard.writeText(url).then(
          () => setCopied(true),
          () => setCopied(false),
        )
      }
    >
      {copied ? "Link copied" : "Copy link"}
      <span className="visually-hidden" aria-live="polite">
        {copied ? " to the clipboard" : ""}
      </span>
    </button>
  );
}
