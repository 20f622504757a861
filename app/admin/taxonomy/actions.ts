"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { createTerm } from "@/lib/taxonomy/create-term";
import { updateTerm } from "@/lib/taxonomy/update-term";
import { mergeTags } from "@/lib/taxonomy/merge-tags";
import { findTagForMerge } from "@/lib/taxonomy/list-terms";
import { deleteTerm } from "@/lib/taxonomy/delete-term";
import { TAXONOMY_KINDS, KIND_LABEL } from "@/lib/taxonomy/terms";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

const fields = { kind: z.enum(TAXONOMY_KINDS), name: z.string(), slug: z.string().default(""), description: z.string().default("") };
const slugsFor = (kind: string, slugs: string[]) => (kind === "category" ? { categorySlugs: slugs } : { tagSlugs: slugs });

export const createTermAction = formAction({ permission: "taxonomy.manage", schema: z.object(fields) }, async (actor, input) => {
  const term = await createTerm({ actor, input });
  revalidatePublicContent(slugsFor(input.kind, [term.slug]));
  revalidatePath("/admin/taxonomy");
  return { message: `${KIND_LABEL[input.kind]} “${term.name}” created.` };
});

export const updateTermAction = formAction({ permission: "taxonomy.manage", schema: z.object({ ...fields, id: z.string().min(1) }) }, async (actor, input) => {
  const { term, oldSlug } = await updateTerm({ actor, input });
  revalidatePublicContent(slugsFor(input.kind, [oldSlug, term.slug]));
  revalidatePath("/admin/taxonomy");
  return { message: oldSlug !== term.slug ? `Saved. /${input.kind}/${oldSlug} now redirects to /${input.kind}/${term.slug}.` : "Saved." };
});

export const mergeTagsAction = formAction(
  {
    permission: "taxonomy.manage",
    schema: z.object({ source: z.string().trim().min(1, "Type the tag to merge."), target: z.string().trim().min(1, "Type the tag to merge into.") }),
  },
  async (actor, input) => {
    const sourceTag = await findTagForMerge(actor, input.source, "source");
    const targetTag = await findTagForMerge(actor, input.target, "target");
    const { source, target, postsMoved } = await mergeTags({ actor, input: { sourceId: sourceTag.id, targetId: targetTag.id } });
    revalidatePublicContent({ tagSlugs: [source.slug, target.slug] });
    revalidatePath("/admin/taxonomy");
    return { message: `Merged “${source.name}” into “${target.name}” (${postsMoved} post link${postsMoved === 1 ? "" : "s"} moved).` };
  },
);

export const deleteTermAction = formAction({ permission: "taxonomy.manage", schema: z.object({ kind: z.enum(TAXONOMY_KINDS), id: z.string().min(1) }) }, async (actor, input) => {
  const { term, postSlugs } = await deleteTerm({ actor, input });
  revalidatePublicContent({ ...slugsFor(input.kind, [term.slug]), postSlugs });
  revalidatePath("/admin/taxonomy");
  return { message: `Deleted “${term.name}”.` };
});
