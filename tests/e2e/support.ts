import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, type Page } from "@playwright/test";

/** What the e2e server wrote: its fresh database, for assertions on stored data. */
export function e2eEnv(): { DATABASE_URL: string; UPLOAD_DIR: string; NEXT_DIST_DIR: string; baseURL: string } {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return JSON.parse(fs.readFileSync(path.resolve(".data", `e2e-${port}`, "env.json"), "utf8"));
}

export async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: e2eEnv().DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** Demo accounts from lib/seed (development only). */
export const DEMO_PASSWORD = "broadsheet-demo-pass";
export const demo = {
  author: "amara@broadsheet.test",
  author2: "tomasz@broadsheet.test",
  contributor: "kit@broadsheet.test",
  editor: "editor@broadsheet.test",
  admin: "admin@broadsheet.test",
};

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, callbackUrl = "/dashboard/posts") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // "New post" (/dashboard/posts/new) creates a draft as soon as it loads and opens its editor.
  const landing = callbackUrl === "/dashboard/posts/new" ? /\/dashboard\/posts\/[a-z0-9]+\/edit$/ : new RegExp(`${callbackUrl.replace(/[/?]/g, "\\$&")}$`);
  // (Two requests and a render more than other landings: allow for a loaded machine.)
  await expect(page).toHaveURL(landing, { timeout: callbackUrl === "/dashboard/posts/new" ? 30_000 : undefined });
}
