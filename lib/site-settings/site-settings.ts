import "server-only";
import { z } from "zod";
import { db, type DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";
import { defineUseCase } from "@/lib/use-case";
import { NO_EFFECT, SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";
import { ALL_PUBLIC_PAGES_TAG, cachedUnderTags } from "@/lib/cache/page-tags";
import { diffFields, recordAudit } from "@/lib/audit/record";

/**
 * Site settings an admin may change at run time, stored in the Setting table.
 * An empty value falls back to the configuration (SITE_NAME, SITE_DESCRIPTION).
 */
export const SITE_SETTING_KEYS = { title: "site.title", description: "site.description" } as const;

export const siteSettingsInput = z.object({
  title: z.string().trim().max(80, "Use at most 80 characters.").default(""),
  description: z.string().trim().max(300, "Use at most 300 characters.").default(""),
});

/** Stored overrides only ("" when unset). */
export async function readSiteSettingOverrides(client: DbOrTx = db()): Promise<{ title: string; description: string }> {
  const rows = await client.setting.findMany({ where: { key: { in: Object.values(SITE_SETTING_KEYS) } } });
  const value = (key: string) => {
    const v = rows.find((r) => r.key === key)?.value;
    return typeof v === "string" ? v : "";
  };
  return { title: value(SITE_SETTING_KEYS.title), description: value(SITE_SETTING_KEYS.description) };
}

/**
 * What readers see: overrides, else the configuration. Public. In every page's
 * header and metadata, so read once per change (a change is site-wide), not per render.
 */
export async function siteSettings(): Promise<{ title: string; description: string }> {
  const overrides = await cachedUnderTags(["broadsheet-site-settings"], [ALL_PUBLIC_PAGES_TAG], () => readSiteSettingOverrides());
  const config = env();
  return { title: overrides.title || config.SITE_NAME, description: overrides.description || config.SITE_DESCRIPTION };
}

/**
 * Saves the overrides (empty clears one), audited with before/after. The
 * title and description are in every page's header, metadata and feeds: a
 * change is site-wide; a save that changes nothing expires nothing.
 */
export const updateSiteSettings = defineUseCase({
  id: "settings.update",
  input: siteSettingsInput,
  permission: "settings.manage",
  async run(actor, input) {
    return db().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('site-settings'))`;
      const before = await readSiteSettingOverrides(tx);
      const changes = diffFields(before, input);
      for (const field of Object.keys(changes) as (keyof typeof SITE_SETTING_KEYS)[]) {
        const key = SITE_SETTING_KEYS[field];
        const value = input[field];
        if (value) await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
        else await tx.setting.deleteMany({ where: { key } });
      }
      const changed = Object.keys(changes);
      if (changed.length > 0) await recordAudit(tx, { actorId: actor.id, action: "setting.update", targetType: "setting", targetId: "site", changes });
      return { result: { changed }, effect: changed.length > 0 ? SITE_WIDE_EFFECT : NO_EFFECT };
    });
  },
});
