"use server";

import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { updateSiteSettings } from "@/lib/site-settings/site-settings";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

export const updateSiteSettingsAction = formAction(
  { permission: "settings.manage", schema: z.object({ title: z.string().default(""), description: z.string().default("") }) },
  async (actor, input) => {
    const { changed } = await updateSiteSettings({ actor, input });
    if (changed.length > 0) revalidatePublicContent();
    return { message: changed.length > 0 ? "Settings saved." : "Nothing changed." };
  },
);
