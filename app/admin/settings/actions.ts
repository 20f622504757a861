"use server";

import { formAction } from "@/lib/actions/use-case-adapters";
import { updateSiteSettings } from "@/lib/site-settings/site-settings";

export const updateSiteSettingsAction = formAction(updateSiteSettings, {
  message: ({ changed }) => ({ message: changed.length > 0 ? "Settings saved." : "Nothing changed." }),
});
