"use client";

import { useEffect } from "react";
import { HEADING_ID_PREFIX } from "@/lib/markdown/heading-id";

/**
 * Heading ids used to be unprefixed (`#what-happened-next`); links to them were
 * shared before HEADING_ID_PREFIX existed. When the address names an anchor
 * that is not on the page but its prefixed heading is, scroll there and show
 * the current address.
 */
export function LegacyHeadingAnchor() {
  useEffect(() => {
    function followLegacyAnchor() {
      let id: string;
      try {
        id = decodeURIComponent(window.location.hash.slice(1));
      } catch {
        return;
      }
      if (!id || id.startsWith(HEADING_ID_PREFIX) || document.getElementById(id)) return;
      const heading = document.getElementById(HEADING_ID_PREFIX + id);
      if (!heading) return;
      window.history.replaceState(window.history.state, "", `#${encodeURIComponent(heading.id)}`);
      heading.scrollIntoView();
    }
    followLegacyAnchor();
    window.addEventListener("hashchange", followLegacyAnchor);
    return () => window.removeEventListener("hashchange", followLegacyAnchor);
  }, []);
  return null;
}
