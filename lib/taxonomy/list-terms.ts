import { z } from "zod";
import { filterText } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { containsText } from "@/lib/db/contains-text";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { TaxonomyKind } from "@/lib/taxonomy/terms";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const termListFilter = z.object({
  q: filterText,
  categoryPage: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
  tagPage: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type TermListFilter = z.infer<typeof termListFilter>;
export const TERMS_PER_PAGE = 50;

export type AdminTerm = { id: string; name: string; slug: string; description: string; posts: number; redirectsFrom: string[] };
export type TermPage = { terms: AdminTerm[]; total: number; page: number; pages: number };

/**
 * One page of categories or tags for /admin/taxonomy, by name, with post
 * counts and the old addresses that redirect to each: 50 per page, searchable
 * by name or slug, so the page stays small with thousands of tags.
 */
export async function listTermsForAdmin(actor: Actor, kind: TaxonomyKind, options: { q?: string; page?: number; perPage?: number } = {}): Promise<TermPage> {
  assertCan(actor, "taxonomy.manage");
  const perPage = options.perPage ?? TERMS_PER_PAGE;
  const page = Math.max(1, options.page ?? 1);
  const where = options.q ? { OR: [{ name: containsText(options.q) }, { slug: containsText(options.q) }] } : {};
  const select = { id: true, name: true, slug: true, description: true } as const;
  const query = { where, select, orderBy: [{ name: "asc" as const }, { id: "asc" as const }], ...pageWindow(page, perPage) };
  const [rows, total] =
    kind === "category"
      ? await Promise.all([db().category.findMany(query), db().category.count({ where })])
      : await Promise.all([db().tag.findMany(query), db().tag.count({ where })]);
  const ids = rows.map((r) => r.id);
  const [redirects, counts] = await Promise.all([
    db().taxonomyRedirect.findMany({ where: { kind, toSlug: { in: rows.map((r) => r.slug) } }, select: { fromSlug: true, toSlug: true }, orderBy: { fromSlug: "asc" } }),
    postCounts(kind, ids),
  ]);
  return {
    terms: rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      description: r.description,
      posts: counts.get(r.id) ?? 0,
      redirectsFrom: redirects.filter((d) => d.toSlug === r.slug).map((d) => d.fromSlug),
    })),
    total,
    page,
    pages: pageCount(total, perPage),
  };
}

/**
 * Posts per term, for the page's terms only: Prisma's `_count` would count
 * the links of every term in the table (a GROUP BY over all of PostTag) to
 * show fifty.
 */
async function postCounts(kind: TaxonomyKind, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  if (kind === "category") {
    const rows = await db().post.groupBy({ by: ["categoryId"], where: { categoryId: { in: ids } }, _count: { _all: true } });
    return new Map(rows.map((r) => [r.categoryId!, r._count._all]));
  }
  const rows = await db().postTag.groupBy({ by: ["tagId"], where: { tagId: { in: ids } }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.tagId, r._count._all]));
}
