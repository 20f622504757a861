/**
 * A case-insensitive "contains" filter that treats the text as text. Prisma's
 * `contains` becomes PostgreSQL `ILIKE '%' || value || '%'` without escaping
 * LIKE's wildcards, so a search for "%" or "_" would match everything
 * (tests/integration/admin-search-wildcards.int.test.ts). Backslash is
 * PostgreSQL's default LIKE escape character.
 */
export function escapeLikePattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

export function containsText(text: string) {
  return { contains: escapeLikePattern(text), mode: "insensitive" as const };
}
