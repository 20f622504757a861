import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { diffFields, recordAudit } from "@/lib/audit/record";
import { addTaxonomyRedirect, assertTermFree, requireTerm, slugFor, termFields } from "@/lib/taxonomy/terms";

export const updateTermInput = z.object({ ...termFields, id: z.string().min(1) });

/**
 * Renames and/or describes a category or tag. A slug change keeps a redirect
 * from the old address (see resolveTaxonomyRedirect). Returns the old and new
 * slug so callers can refresh both pages.
 */
export async function updateTerm({ actor, input }: { actor: Actor; input: z.input<typeof updateTermInput> }) {
  assertCan(actor, "taxonomy.manage");
  const parsed = updateTermInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Please correct the highlighted fields.", fieldErrorsFromZod(parsed.error.issues));
  const { kind, id, name, description } = parsed.data;
  const slug = slugFor(name, parsed.data.slug);
  return db().$transaction(async (tx) => {
    const term = await requireTerm(tx, kind, id);
    await assertTermFree(tx, kind, name, slug, term.id);
    const after = { name, slug, description };
    const changes = diffFields(term, after);
    if (Object.keys(changes).length === 0) return { term, oldSlug: term.slug };
    const updated = kind === "category" ? await tx.category.update({ where: { id }, data: after }) : await tx.tag.update({ where: { id }, data: after });
    if (term.slug !== slug) await addTaxonomyRedirect(tx, kind, term.slug, slug);
    const action = changes.name || changes.slug ? `${kind}.rename` : `${kind}.describe`;
    await recordAudit(tx, { actorId: actor.id, action, targetType: kind, targetId: term.id, changes });
    return { term: updated, oldSlug: term.slug };
  });
}
