"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/use-case-adapters";
import { createTerm } from "@/lib/taxonomy/create-term";
import { updateTerm } from "@/lib/taxonomy/update-term";
import { mergeTags } from "@/lib/taxonomy/merge-tags";
import { deleteTerm } from "@/lib/taxonomy/delete-term";
import { KIND_LABEL } from "@/lib/taxonomy/terms";

const after = () => revalidatePath("/admin/taxonomy");

export const createTermAction = formAction(createTerm, {
  after,
  message: (term) => ({ message: `${KIND_LABEL[term.kind]} “${term.name}” created.` }),
});

export const updateTermAction = formAction(updateTerm, {
  after,
  message: ({ kind, term, oldSlug }) => ({ message: oldSlug !== term.slug ? `Saved. /${kind}/${oldSlug} now redirects to /${kind}/${term.slug}.` : "Saved." }),
});

export const mergeTagsAction = formAction(mergeTags, {
  after,
  message: ({ source, target, postsMoved }) => ({ message: `Merged “${source.name}” into “${target.name}” (${postsMoved} post link${postsMoved === 1 ? "" : "s"} moved).` }),
});

export const deleteTermAction = formAction(deleteTerm, {
  after,
  message: ({ term }) => ({ message: `Deleted “${term.name}”.` }),
});
