/**
 * Offset pagination of the lists (page numbers from `pageNumber` in
 * lib/validation/text.ts, 1 = first page).
 */

/** The rows of page `page`: Prisma's `skip` and `take`. */
export function pageWindow(page: number, perPage: number): { skip: number; take: number } {
  return { skip: (page - 1) * perPage, take: perPage };
}

/** How many pages `total` rows fill; an empty list still has its page 1. */
export function pageCount(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}
