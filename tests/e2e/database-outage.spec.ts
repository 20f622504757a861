import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, e2eEnv, sql } from "./support";
import { DatabaseSwitch, EXTRA_PORTS, startInstance, type Instance } from "./instances";

/**
 * Graceful failure while PostgreSQL is unreachable. Instance B (same build and
 * database as the e2e server) reaches PostgreSQL through a relay this test
 * switches off (connections cut, new ones refused, as when the server stops)
 * and on again. Proves: pages that need the database answer a readable 503
 * with Retry-After (also without JavaScript) while cached pages are still
 * served; liveness stays 200 and readiness says which dependency is down;
 * sign-in says the site is briefly unavailable; the editor keeps the text and
 * saves it once the database is back; and B recovers without a restart.
 */
test.describe.configure({ mode: "serial" });

const portB = EXTRA_PORTS.outageInstanceB;
const relayPort = EXTRA_PORTS.outageDatabaseRelay;
let database: DatabaseSwitch;
let instanceB: Instance;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  database = new DatabaseSwitch(new URL(e2eEnv().DATABASE_URL), relayPort);
  await database.on();
  instanceB = await startInstance({ port: portB, databaseUrl: database.url });
});

test.afterAll(async () => {
  await instanceB?.stop();
  await database?.off();
});

test.afterEach(async () => {
  // Whatever a test did, the next one starts with the database reachable.
  if (!database.listening) await database.on();
});

const UNAVAILABLE = "The site is briefly unavailable; try again in a minute.";

async function statusOf(path: string): Promise<number> {
  return (await fetch(`${instanceB.base}${path}`)).status;
}

async function publishedArticle(): Promise<{ slug: string }> {
  const [post] = await sql<{ slug: string }>(
    `SELECT slug FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() AND "hiddenAt" IS NULL ORDER BY "publishedAt" ASC LIMIT 1`,
  );
  return post!;
}

test("[READER] with the database down, pages that need it answer a readable 503 with Retry-After, cached pages are still served, and the site recovers without a restart", async ({ browser }) => {
  const article = await publishedArticle();
  // Cached on B before the outage.
  for (let i = 0; i < 2; i++) expect(await statusOf(`/posts/${article.slug}`)).toBe(200);

  await database.off();
  await expect.poll(() => statusOf("/search?q=harbour"), { timeout: 15_000 }).toBe(503);

  const response = await fetch(`${instanceB.base}/search?q=harbour`);
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("30");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(await response.text()).toContain("The site is briefly unavailable");

  // Readable without JavaScript: the text is in the server's HTML.
  const noScript = await browser.newContext({ javaScriptEnabled: false });
  const page = await noScript.newPage();
  const login = await page.goto(`${instanceB.base}/login`);
  expect(login!.status()).toBe(503);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("The site is briefly unavailable");
  await expect(page.getByText("please try again in a minute")).toBeVisible();
  await noScript.close();

  // API callers get JSON with the same advice.
  const api = await fetch(`${instanceB.base}/api/me`);
  expect(api.status).toBe(503);
  expect(api.headers.get("retry-after")).toBe("30");
  expect(await api.json()).toMatchObject({ ok: false, code: "UNAVAILABLE" });

  // The cached article is still served.
  const cached = await fetch(`${instanceB.base}/posts/${article.slug}`);
  expect(cached.status).toBe(200);
  expect(cached.headers.get("x-nextjs-cache")).toBe("HIT");
  expect(await cached.text()).not.toContain("briefly unavailable");

  // Liveness stays green (no query); readiness says what is down.
  const live = await fetch(`${instanceB.base}/api/health`);
  expect(live.status).toBe(200);
  expect(await live.json()).toMatchObject({ ok: true });
  const ready = await fetch(`${instanceB.base}/api/health/ready`);
  expect(ready.status).toBe(503);
  const report = await ready.json();
  // The mail queue lives in the same database, so it is down with it; storage is not.
  expect(report).toMatchObject({ ok: false, checks: { database: { ok: false }, storage: { ok: true }, mailQueue: { ok: false } } });
  expect(JSON.stringify(report)).not.toContain("postgresql://");

  // Back: B recovers by itself.
  await database.on();
  await expect.poll(() => statusOf("/search?q=harbour"), { timeout: 20_000 }).toBe(200);
  expect(await statusOf("/login")).toBe(200);
  expect((await fetch(`${instanceB.base}/api/health/ready`)).status).toBe(200);
});

async function signInOnB(page: Page, email: string) {
  await page.goto(`${instanceB.base}/login?callbackUrl=%2Fdashboard%2Fposts`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
}

test("[AUTHOR] signing in while the database is down says the site is briefly unavailable, not a wrong password", async ({ page }) => {
  await signInOnB(page, demo.author2);
  await database.off();
  await page.getByRole("button", { name: "Sign in" }).click();
  // (Next.js adds an empty role="alert" route announcer of its own.)
  await expect(page.getByRole("alert").filter({ hasText: UNAVAILABLE })).toHaveText(UNAVAILABLE);
  await expect(page.getByText("don't match an account")).toHaveCount(0);
  await database.on();
  await expect.poll(() => statusOf("/search?q=harbour"), { timeout: 20_000 }).toBe(200);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts$/);
});

test("[AUTHOR] the editor keeps the text in the browser while saves get 503 and saves it once the database is back", async ({ page }) => {
  await signInOnB(page, demo.author2);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard\/posts$/);
  await page.goto(`${instanceB.base}/dashboard/posts/new`);
  const title = `Written through an outage ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill("Before the outage.");
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 15_000 });

  await database.off();
  await page.getByLabel("Content (Markdown)").fill("Typed while the database was down.");
  await expect(page.getByRole("status").filter({ hasText: "Not saved — retrying" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText("The site is briefly unavailable. Your text is kept in this browser")).toBeVisible();
  expect(await page.evaluate(() => Object.values(window.localStorage).some((v) => v.includes("Typed while the database was down.")))).toBe(true);

  await database.on();
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible({ timeout: 40_000 });
  await expect(page.getByText("The site is briefly unavailable. Your text is kept in this browser")).toBeHidden();
  expect((await sql<{ body: string }>(`SELECT body FROM "Post" WHERE title = $1`, [title]))[0]!.body).toBe("Typed while the database was down.");
});
