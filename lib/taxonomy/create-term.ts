import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { assertTermFree, slugFor, termFields } from "@/lib/taxonomy/terms";

export const createTermInput = z.object(termFields);

/** Creates a category or a tag (slug from the name unless given). */
export async function createTerm({ actor, input }: { actor: Actor; input: z.input<typeof createTermInput> }) {
  assertCan(actor, "taxonomy.manage");
  const parsed = createTermInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Please correct the highlighted fields.", fieldErrorsFromZod(parsed.error.issues));
  const { kind, name, description } = parsed.data;
  const slug = slugFor(name, parsed.data.slug);
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
    return term;
  });
}
