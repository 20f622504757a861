import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as tar from "tar";
import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { demo, signIn, sql } from "./support";
import { uploadsFolder, WXR_SAMPLE } from "../support/import-fixtures";

/**
 * An admin imports a WordPress export with a media archive through
 * /admin/import, watches it finish, reads the report; a reader then opens an
 * imported article and one of its old WordPress addresses in Chromium.
 */
test("[ADMIN] imports a WordPress export at /admin/import; readers get the article and its old URLs", async ({ browser }) => {
  const uploads = await uploadsFolder(["2024/01/landing-stage.jpg", "2024/01/nets.png", "2024/01/gulls.jpg"]);
  const archive = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), "broadsheet-e2e-import-")), "uploads.tar.gz");
  await tar.c({ gzip: true, file: archive, cwd: uploads }, ["2024"]);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, demo.admin, undefined, "/admin/import");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Import");
  await admin.getByLabel("Exported from").selectOption("wordpress");
  await admin.getByLabel("Export file").setInputFiles(WXR_SAMPLE);
  await admin.getByLabel(/Media archive/).setInputFiles(archive);
  await admin.getByRole("button", { name: "Import" }).click();
  const report = admin.getByRole("region", { name: "Import report" });
  await expect(report).toBeVisible({ timeout: 60_000 });
  await expect(report.getByRole("row", { name: /Posts/ })).toContainText("8 imported (3 published, 1 scheduled, 1 in review, 3 drafts)");
  await expect(report.getByRole("row", { name: /Images/ })).toContainText("3 uploaded");
  await expect(report).toContainText("not-in-the-archive.jpg");
  await expect(report).toContainText("pages are imported only with --pages");
  expect((await new AxeBuilder({ page: admin }).analyze()).violations.map((v) => v.id)).toEqual([]);

  const [run] = await sql<{ id: string; status: string }>(`SELECT id, status FROM "ImportRun" ORDER BY "createdAt" DESC LIMIT 1`);
  expect(run?.status).toBe("succeeded");
  expect(await sql(`SELECT 1 FROM "AuditLog" WHERE action = 'site.import' AND "targetId" = $1`, [run!.id])).toHaveLength(1);

  await admin.goto("/admin/redirects?q=ferry");
  await expect(admin.getByRole("cell", { name: "/2024/01/05/ferry-service-returns" })).toBeVisible();
  expect((await new AxeBuilder({ page: admin }).analyze()).violations.map((v) => v.id)).toEqual([]);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/posts/ferry-service-returns");
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Ferry service returns after the January gales");
  await expect(reader.locator("figcaption", { hasText: "© Tom Reyes" })).toBeVisible();
  await expect(reader.getByText("Glad to have it back — the bridge detour took an hour.")).toBeVisible();

  // The old permalink, with WordPress's trailing slash: permanent redirects to the article.
  const direct = await reader.request.get("/2024/01/05/ferry-service-returns", { maxRedirects: 0 });
  expect(direct.status()).toBe(308);
  expect(new URL(direct.headers().location!, "http://x").pathname).toBe("/posts/ferry-service-returns");
  await reader.goto("/2024/01/05/ferry-service-returns/");
  await expect(reader).toHaveURL(/\/posts\/ferry-service-returns$/);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText("Ferry service returns after the January gales");
  await reader.goto("/?p=101");
  await expect(reader).toHaveURL(/\/posts\/ferry-service-returns$/);
  await reader.goto("/feed/");
  await expect(reader).toHaveURL(/\/feed\.xml$/);
  // An address nobody mapped is still the site's 404.
  const unknown = await reader.request.get("/2024/01/05/never-existed/", { maxRedirects: 5 });
  expect(unknown.status()).toBe(404);
});
