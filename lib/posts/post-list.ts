import { filterText, pageNumber } from "@/lib/validation/text";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/generated/prisma/client";

/**
 * The address-bar fields every staff post list (My Posts, the editorial list)
 * takes besides its own status or view: a title search and a page.
 */
export const postListFilterFields = { q: filterText, page: pageNumber() };

/** The columns every row of a staff post list shows; each list selects its own on top. */
export const postListRowSelect = {
  id: true,
  title: true,
  slug: true,
  status: true,
  publishedAt: true,
} as const satisfies Prisma.PostSelect;

/** Narrows a post list's `where` to titles containing `q` (LIKE-safe), when there is one. */
export function whereTitleMatches(where: Prisma.PostWhereInput, q: string | undefined): Prisma.PostWhereInput {
  if (q) where.title = containsText(q);
  return where;
}
