import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase } from "@/lib/use-case";
import { readerEffect, SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";
import { recordAudit } from "@/lib/audit/record";
import { assertTermFree, slugFor, termFields } from "@/lib/taxonomy/terms";

export const createTermInput = z.object(termFields);

/**
 * Creates a category or a tag (slug from the name unless given). Readers: a
 * section appears in the header of every page (site-wide); a tag's address
 * starts answering (a cached 404 or redirect at /tag/<slug> must go).
 */
export const createTerm = defineUseCase({
  id: "taxonomy.createTerm",
  input: createTermInput,
  permission: "taxonomy.manage",
  async run(actor, input) {
    const { kind, name, description } = input;
    const slug = slugFor(name, input.slug);
    return db().$transaction(async (tx) => {
      await assertTermFree(tx, kind, name, slug);
      // A new term takes over a slug that used to redirect elsewhere.
      await tx.taxonomyRedirect.deleteMany({ where: { kind, fromSlug: slug } });
      const data = { name, slug, description };
      const term = kind === "category" ? await tx.category.create({ data }) : await tx.tag.create({ data });
      await recordAudit(tx, {
        actorId: actor.id,
        action: `${kind}.create`,
        targetType: kind,
        targetId: term.id,
        changes: { name: { from: null, to: name }, slug: { from: null, to: slug }, description: { from: null, to: description } },
      });
      return { result: { ...term, kind }, effect: kind === "category" ? SITE_WIDE_EFFECT : readerEffect({ tagSlugs: [slug] }) };
    });
  },
});
