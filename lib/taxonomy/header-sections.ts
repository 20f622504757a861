import "server-only";
import { db } from "@/lib/db";
import { ALL_PUBLIC_PAGES_TAG, cachedUnderTags } from "@/lib/cache/page-tags";

/**
 * The sections named in every page's header, in name order. Read once per
 * change, not per render: creating, renaming or deleting a section is a
 * site-wide change (lib/taxonomy), which expires this with every page.
 */
export function headerSections(): Promise<{ name: string; slug: string }[]> {
  return cachedUnderTags(["broadsheet-header-sections"], [ALL_PUBLIC_PAGES_TAG], () => db().category.findMany({ select: { name: true, slug: true }, orderBy: { name: "asc" } }));
}
