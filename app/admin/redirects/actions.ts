"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { deleteLegacyRedirect } from "@/lib/redirects/delete-legacy-redirect";

export const deleteRedirectAction = formAction({ permission: "site.import", schema: z.object({ id: z.string().min(1) }) }, async (actor, input) => {
  const removed = await deleteLegacyRedirect({ actor, input });
  revalidatePath("/admin/redirects");
  return { message: `${removed.path} no longer redirects.` };
});
