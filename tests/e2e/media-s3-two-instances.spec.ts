import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { expect, test, type Page } from "@playwright/test";
import { startS3Server, type TestS3Server } from "../support/s3-server";
import { demo, e2eEnv, signIn, sql } from "./support";
import { EXTRA_PORTS } from "./instances";

/**
 * Media on an S3-compatible bucket, across instances. This file starts its own
 * s3rver and two more `next start` instances of the e2e build on the e2e
 * database (A and B, as in cache-two-instances.spec.ts), both storing media in
 * that bucket, each with its own empty UPLOAD_DIR: nothing is shared but the
 * database and the bucket. The e2e server itself stays on local storage, so
 * the rest of the suite is unchanged.
 */
const baseA = `http://127.0.0.1:${EXTRA_PORTS.s3InstanceA}`;
const baseB = `http://127.0.0.1:${EXTRA_PORTS.s3InstanceB}`;
const SECRET = "e2e-only-secret-0123456789abcdefghijklmnop";

let s3: TestS3Server | null = null;
const instances: ChildProcess[] = [];
const uploadDirs: string[] = [];

async function startInstance(base: string): Promise<string> {
  const { DATABASE_URL, NEXT_DIST_DIR } = e2eEnv();
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-e2e-uploads-"));
  uploadDirs.push(uploadDir);
  // Its own page cache, outside the upload folder (which must stay empty: media go to the bucket).
  const pageCacheDir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-e2e-page-cache-"));
  uploadDirs.push(pageCacheDir);
  // The server npm start runs (Next.js behind the page cache's hot path), with its own page cache.
  const child = spawn(process.execPath, ["scripts/serve.cjs", "-p", new URL(base).port, "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      ...s3!.env,
      DATABASE_URL,
      UPLOAD_DIR: uploadDir,
      PAGE_CACHE_DIR: pageCacheDir,
      NEXT_DIST_DIR,
      AUTH_SECRET: SECRET,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: base,
      SITE_URL: base,
      PORT: new URL(base).port,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  instances.push(child);
  let errors = "";
  child.stderr?.on("data", (chunk) => (errors += String(chunk)));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return uploadDir;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`instance ${base} did not start: ${errors.slice(-2000)}`);
}

test.describe.configure({ mode: "serial" });
test.use({ baseURL: baseA });

let uploadDirA = "";
let uploadDirB = "";

test.beforeAll(async () => {
  test.setTimeout(150_000);
  s3 = await startS3Server({ bucket: "broadsheet-e2e" });
  [uploadDirA, uploadDirB] = await Promise.all([startInstance(baseA), startInstance(baseB)]);
});

test.afterAll(async () => {
  for (const child of instances) {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
  await s3?.stop();
  for (const dir of uploadDirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function insertImage(page: Page, alt: string) {
  const buffer = await sharp({ create: { width: 900, height: 500, channels: 3, background: { r: 40, g: 120, b: 170 } } }).jpeg().toBuffer();
  await page.getByLabel("Insert image").setInputFiles({ name: "harbour.jpg", mimeType: "image/jpeg", buffer });
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Alt text").fill(alt);
  await dialog.getByRole("button", { name: "Upload" }).click();
  return dialog;
}

test("[AUTHOR] an image inserted in the editor on instance A is stored in the bucket and served, resized too, by instance B", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const id = Math.random().toString(36).slice(2, 8);
  await signIn(page, demo.author);
  await page.goto("/dashboard/posts/new");
  const title = `Bucket harbour ${id}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Content (Markdown)").fill("Boats at rest.\n\n");
  await page.getByLabel("Content (Markdown)").press("End");
  const dialog = await insertImage(page, `Moorings ${id}`);
  await expect(dialog).toBeHidden();
  const body = await page.getByLabel("Content (Markdown)").inputValue();
  const url = /\((\/media\/\d{4}\/\d{2}\/[a-f0-9]+-900x500\.jpg)\)/.exec(body)?.[1];
  expect(url).toBeTruthy();
  const storageKey = url!.slice("/media/".length);

  // Stored: a Media row, the object in the bucket, and nothing in either instance's UPLOAD_DIR.
  expect(await sql(`SELECT "storageKey" FROM "Media" WHERE "storageKey" = $1`, [storageKey])).toHaveLength(1);
  const inBucket = await fetch(`${s3!.endpoint}/${s3!.bucket}/${storageKey}`);
  expect(inBucket.status).toBe(200);
  for (const dir of [uploadDirA, uploadDirB]) expect(fs.readdirSync(dir, { recursive: true })).toEqual([]);

  // Instance B serves the original and a resized copy it makes from the bucket.
  const original = await page.request.get(`${baseB}${url}`);
  expect(original.status()).toBe(200);
  expect(original.headers()["content-type"]).toBe("image/jpeg");
  expect(original.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(Buffer.from(await original.body()).equals(Buffer.from(await inBucket.arrayBuffer()))).toBe(true);
  const resized = await page.request.get(`${baseB}${url}?w=320&f=webp`);
  expect(resized.status()).toBe(200);
  expect(resized.headers()["content-type"]).toBe("image/webp");
  expect(resized.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await sharp(Buffer.from(await resized.body())).metadata()).width).toBe(320);
  expect((await fetch(`${s3!.endpoint}/${s3!.bucket}/_variants/${storageKey}.320.webp`)).status).toBe(200);

  // Published on A, the article on B shows the image, loaded by a real browser from B.
  await expect(page.getByRole("status").filter({ hasText: /^Saved$/ })).toBeVisible();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published.")).toBeVisible();
  const [post] = await sql<{ slug: string }>(`SELECT slug FROM "Post" WHERE title = $1`, [title]);
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${baseB}/posts/${post!.slug}`);
  const image = reader.getByRole("img", { name: `Moorings ${id}` });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await image.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(`${baseB}${url}`);
  await reader.context().close();
});

test("[AUTHOR] with the bucket down, the editor says image storage is unavailable and no image is recorded", async ({ page }) => {
  const id = Math.random().toString(36).slice(2, 8);
  await signIn(page, demo.author);
  await page.goto("/dashboard/posts/new");
  await page.getByLabel("Title").fill(`Outage ${id}`);
  await s3!.stop();

  const answer = page.waitForResponse((response) => response.url().endsWith("/api/uploads"));
  const dialog = await insertImage(page, `Lost ${id}`);
  expect((await answer).status()).toBe(503);
  await expect(dialog.getByRole("alert")).toHaveText("Image storage is unavailable right now, so the image was not saved. Try again in a moment.");
  await expect(dialog).toBeVisible();
  // Nothing half-written: no Media row (the alt text is unique to this attempt), no image in the text.
  expect(await sql(`SELECT id FROM "Media" WHERE "altText" = $1`, [`Lost ${id}`])).toEqual([]);
  await expect(page.getByLabel("Content (Markdown)")).not.toHaveValue(/\/media\//);
});
