import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";

/** Categories and tags with post counts and the old addresses that redirect to them, for /admin/taxonomy. */
export async function listTermsForAdmin(actor: Actor) {
  assertCan(actor, "taxonomy.manage");
  const [categories, tags, redirects] = await Promise.all([
    db().category.findMany({ select: { id: true, name: true, slug: true, description: true, _count: { select: { posts: true } } }, orderBy: { name: "asc" } }),
    db().tag.findMany({ select: { id: true, name: true, slug: true, description: true, _count: { select: { posts: true } } }, orderBy: { name: "asc" } }),
    db().taxonomyRedirect.findMany({ select: { kind: true, fromSlug: true, toSlug: true }, orderBy: { fromSlug: "asc" } }),
  ]);
  return { categories, tags, redirects };
}
