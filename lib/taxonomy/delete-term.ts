import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { requireTerm, TAXONOMY_KINDS } from "@/lib/taxonomy/terms";

export const deleteTermInput = z.object({ kind: z.enum(TAXONOMY_KINDS), id: z.string().min(1) });

/**
 * Deletes a category or tag. Posts keep working: a deleted category leaves
 * its posts without a section, a deleted tag is removed from its posts.
 * Redirects to it are dropped (they would lead nowhere).
 */
export async function deleteTerm({ actor, input }: { actor: Actor; input: z.input<typeof deleteTermInput> }) {
  assertCan(actor, "taxonomy.manage");
  const { kind, id } = parseInput(deleteTermInput, input);
  return db().$transaction(async (tx) => {
    const term = await requireTerm(tx, kind, id);
    const posts =
      kind === "category"
        ? (await tx.post.findMany({ where: { categoryId: id }, select: { slug: true } })).map((p) => p.slug)
        : (await tx.postTag.findMany({ where: { tagId: id }, select: { post: { select: { slug: true } } } })).map((l) => l.post.slug);
    if (kind === "category") await tx.category.delete({ where: { id } });
    else await tx.tag.delete({ where: { id } });
    await tx.taxonomyRedirect.deleteMany({ where: { kind, toSlug: term.slug } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: `${kind}.delete`,
      targetType: kind,
      targetId: term.id,
      changes: { name: { from: term.name, to: null }, slug: { from: term.slug, to: null }, description: { from: term.description, to: null }, posts: { from: posts.length, to: 0 } },
    });
    return { term, postSlugs: posts };
  });
}
