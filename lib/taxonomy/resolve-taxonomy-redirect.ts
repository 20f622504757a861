import { db } from "@/lib/db";
import { isLookupKey } from "@/lib/validation/text";
import type { TaxonomyKind } from "@/lib/taxonomy/terms";

/**
 * For /category/<slug> and /tag/<slug> pages: when no term has this slug, the
 * slug it was renamed or merged to (answer with a 308), or null (404).
 * Public and side-effect free.
 */
export async function resolveTaxonomyRedirect(kind: TaxonomyKind, slug: string): Promise<string | null> {
  if (!isLookupKey(slug)) return null;
  const redirect = await db().taxonomyRedirect.findUnique({ where: { kind_fromSlug: { kind, fromSlug: slug } }, select: { toSlug: true } });
  return redirect?.toSlug ?? null;
}
