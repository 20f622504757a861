import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import * as tar from "tar";
import { demo, signIn, sql } from "./support";

/** Issue 14, item 8: an admin downloads the whole site from /admin (the archive `npm run export` writes). */

test("[ADMIN] downloads the site export from /admin/export: a complete archive, without passwords, audited", async ({ page }) => {
  await signIn(page, demo.admin, undefined, "/admin/export");
  await expect(page.getByRole("heading", { name: "Export the site" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Export" })).toBeVisible();
  const [admin] = await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [demo.admin]);
  const auditBefore = await sql(`SELECT id FROM "AuditLog" WHERE action = 'site.export' AND "actorId" = $1`, [admin!.id]);

  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: "Download export (.tar.gz)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^broadsheet-export-\d{8}-\d{6}\.tar\.gz$/);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-e2e-export-"));
  try {
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await tar.x({ file, cwd: dir, strict: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")) as { format: string; tables: { name: string; rows: number }[]; media: { files: number } };
    expect(manifest.format).toBe("broadsheet-site-export");
    const rows = (name: string) => manifest.tables.find((t) => t.name === name)?.rows;
    // The seeded site: its 9 demo accounts and 18 posts at least (other tests add more meanwhile).
    expect(rows("User")).toBeGreaterThanOrEqual(9);
    expect(rows("Post")).toBeGreaterThanOrEqual(18);
    expect(manifest.tables.map((t) => t.name)).not.toContain("PasswordResetToken");
    const users = fs.readFileSync(path.join(dir, "tables", "User.ndjson"), "utf8");
    expect(users).toContain(demo.admin);
    expect(users).not.toContain("passwordHash");
    expect(users).not.toContain("$argon2");
    // Every image's original is in the archive, byte for byte as the app serves it.
    expect(manifest.media.files).toBeGreaterThan(0);
    const [media] = await sql<{ storageKey: string }>(`SELECT "storageKey" FROM "Media" ORDER BY "createdAt" LIMIT 1`);
    const served = Buffer.from(await (await page.request.get(`/media/${media!.storageKey}`)).body());
    expect(fs.readFileSync(path.join(dir, "media", ...media!.storageKey.split("/"))).equals(served)).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await expect.poll(async () => (await sql(`SELECT id FROM "AuditLog" WHERE action = 'site.export' AND "actorId" = $1`, [admin!.id])).length).toBe(auditBefore.length + 1);
});

test("[EDITOR] cannot export the site: no link, the page is forbidden, the download is refused", async ({ page }) => {
  await signIn(page, demo.editor, undefined, "/admin/review");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Review queue" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Export" })).toHaveCount(0);
  const response = await page.goto("/admin/export");
  expect(response?.status()).toBe(403);
  const download = await page.request.post("/admin/export/download");
  expect(download.status()).toBe(403);
  expect(download.headers()["content-type"]).toContain("application/json");
});
