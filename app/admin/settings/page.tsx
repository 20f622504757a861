import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { readSiteSettingOverrides } from "@/lib/site-settings/site-settings";
import { env } from "@/lib/env";
import { SiteSettingsForm } from "@/components/admin-site-settings-form";
import { updateSiteSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Site settings" };

export default async function SiteSettingsPage() {
  await requirePageActor("settings.manage", "/admin/settings");
  const overrides = await readSiteSettingOverrides();
  const config = env();
  return (
    <>
      <div className="page-heading">
        <h1>Site settings</h1>
        <p className="meta">Leave a field empty to use the server&apos;s configuration. Changes are recorded in the audit log.</p>
      </div>
      <SiteSettingsForm action={updateSiteSettingsAction} values={overrides} defaults={{ title: config.SITE_NAME, description: config.SITE_DESCRIPTION }} />
    </>
  );
}
