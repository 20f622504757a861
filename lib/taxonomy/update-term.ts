import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase } from "@/lib/use-case";
import { NO_EFFECT, readerEffect, SITE_WIDE_EFFECT, type ReaderEffect } from "@/lib/cache/reader-effect";
import { diffFields, recordAudit, type AuditChanges } from "@/lib/audit/record";
import { addTaxonomyRedirect, assertTermFree, redirectsTo, requireTerm, slugFor, termFields, type TaxonomyKind, type Term } from "@/lib/taxonomy/terms";

export const updateTermInput = z.object({ ...termFields, id: z.string().min(1) });

/**
 * Renames and/or describes a category or tag. A slug change keeps a redirect
 * from the old address (see resolveTaxonomyRedirect). Returns the old and new
 * slug so callers can say where the old address now leads.
 */
export const updateTerm = defineUseCase({
  id: "taxonomy.updateTerm",
  input: updateTermInput,
  permission: "taxonomy.manage",
  async run(actor, input) {
    const { kind, id, name, description } = input;
    const slug = slugFor(name, input.slug);
    return db().$transaction(async (tx) => {
      const term = await requireTerm(tx, kind, id);
      await assertTermFree(tx, kind, name, slug, term.id);
      const after = { name, slug, description };
      const changes = diffFields(term, after);
      // A save that changes nothing expires nothing.
      if (Object.keys(changes).length === 0) return { result: { kind, term, oldSlug: term.slug }, effect: NO_EFFECT };
      // Old addresses that redirected to the old slug are pointed at the new one: they answer differently too.
      const redirected = term.slug !== slug ? await redirectsTo(tx, kind, term.slug) : [];
      const updated = kind === "category" ? await tx.category.update({ where: { id }, data: after }) : await tx.tag.update({ where: { id }, data: after });
      if (term.slug !== slug) await addTaxonomyRedirect(tx, kind, term.slug, slug);
      const action = changes.name || changes.slug ? `${kind}.rename` : `${kind}.describe`;
      await recordAudit(tx, { actorId: actor.id, action, targetType: kind, targetId: term.id, changes });
      return { result: { kind, term: updated, oldSlug: term.slug }, effect: termChangeEffect(kind, term, slug, changes, redirected) };
    });
  },
});

/**
 * Sections are named in the header of every page: a rename is site-wide; a
 * new description shows on the section's own page only. A tag's name and
 * description show on its page and on the articles that carry it; a new slug
 * moves its address.
 */
function termChangeEffect(kind: TaxonomyKind, before: Term, slug: string, changes: AuditChanges, redirected: string[]): ReaderEffect {
  const renamed = !!changes.name || !!changes.slug;
  if (kind === "category") return renamed ? SITE_WIDE_EFFECT : readerEffect({ lists: [`section:${before.id}`] });
  return readerEffect({ tags: [before.id], tagSlugs: changes.slug ? [before.slug, slug, ...redirected] : [] });
}
