"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/use-case-adapters";
import { deleteLegacyRedirect } from "@/lib/redirects/delete-legacy-redirect";

export const deleteRedirectAction = formAction(deleteLegacyRedirect, {
  message: (removed) => ({ message: `${removed.path} no longer redirects.` }),
  after: () => revalidatePath("/admin/redirects"),
});
