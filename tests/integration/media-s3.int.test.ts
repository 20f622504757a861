import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMedia } from "@/app/media/[...key]/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { HTTP_STATUS } from "@/lib/errors";
import { copyLocalMedia } from "@/lib/media/copy-local-media";
import { deleteMedia } from "@/lib/media/delete-media";
import { imageVariant } from "@/lib/media/images";
import { S3MediaStorage } from "@/lib/media/s3-storage";
import { LocalDirectoryStorage, mediaStorage, resetMediaStorage } from "@/lib/media/storage";
import { uploadImage } from "@/lib/media/upload-image";
import { createTestPost, createTestUser } from "@/tests/support/factories";
import { startS3Server, unreachableEndpoint, type TestS3Server } from "@/tests/support/s3-server";

/**
 * Media on an S3-compatible bucket (s3rver started here, on a free port).
 * What is in the bucket is read with the AWS SDK directly, not through the
 * code under test.
 */
const S3_VARIABLES = ["S3_BUCKET", "S3_REGION", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE", "S3_PUBLIC_URL"];
const saved = Object.fromEntries(S3_VARIABLES.map((name) => [name, process.env[name]]));

let s3: TestS3Server;
let inspector: S3Client;

function useStorageEnv(values: Record<string, string | undefined>) {
  for (const name of S3_VARIABLES) {
    if (values[name] === undefined) delete process.env[name];
    else process.env[name] = values[name];
  }
  resetEnvCache();
  resetMediaStorage();
}

async function keysInBucket(prefix = ""): Promise<string[]> {
  const page = await inspector.send(new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }));
  return (page.Contents ?? []).map((object) => object.Key!).sort();
}

async function objectInBucket(key: string): Promise<Buffer> {
  const response = await inspector.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
  return Buffer.from(await response.Body!.transformToByteArray());
}

function requestMedia(key: string, query = "") {
  return getMedia(new Request(`http://localhost/media/${key}${query}`), { params: Promise.resolve({ key: key.split("/") }) });
}

const png = (width: number, height: number, background = "#336699") =>
  sharp({ create: { width, height, channels: 3, background } }).png().toBuffer();

beforeAll(async () => {
  s3 = await startS3Server();
  inspector = new S3Client({
    region: "us-east-1",
    endpoint: s3.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: s3.env.S3_ACCESS_KEY_ID!, secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY! },
  });
  useStorageEnv(s3.env);
});

afterAll(async () => {
  useStorageEnv(saved);
  inspector?.destroy();
  await s3?.stop();
});

describe("media in an S3-compatible bucket", () => {
  it("[AUTHOR] an upload goes to the bucket (not UPLOAD_DIR) and is served with immutable caching, resized copies too", async () => {
    expect(mediaStorage()).toBeInstanceOf(S3MediaStorage);
    const author = await createTestUser({ role: "AUTHOR" });
    const bytes = await png(1000, 600);
    const image = await uploadImage({ actor: author, data: bytes, details: { altText: "Harbour at dusk" } });

    expect(await keysInBucket(image.storageKey)).toEqual([image.storageKey]);
    expect(fs.existsSync(path.resolve(".data/test-uploads", image.storageKey))).toBe(false);
    expect(await db().media.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ storageKey: image.storageKey, uploaderId: author.id });

    const original = await requestMedia(image.storageKey);
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await original.arrayBuffer()).equals(await objectInBucket(image.storageKey))).toBe(true);

    const resized = await requestMedia(image.storageKey, "?w=320&f=webp");
    expect(resized.status).toBe(200);
    expect(resized.headers.get("content-type")).toBe("image/webp");
    expect(resized.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await sharp(Buffer.from(await resized.arrayBuffer())).metadata()).width).toBe(320);
    expect(await keysInBucket(`_variants/${image.storageKey}`)).toEqual([`_variants/${image.storageKey}.320.webp`]);
    expect((await sharp(await objectInBucket(`_variants/${image.storageKey}.320.webp`)).metadata()).format).toBe("webp");
  });

  it("deleting an image removes its row, its original and every resized copy from the bucket; a cover loses it", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const image = await uploadImage({ actor: author, data: await png(800, 400), details: { altText: "To delete" } });
    for (const format of ["webp", "avif", "jpeg"] as const) await imageVariant(image.storageKey, 640, format);
    await imageVariant(image.storageKey, 320, "webp");
    expect(await keysInBucket(`_variants/${image.storageKey}`)).toHaveLength(4);
    const other = await uploadImage({ actor: author, data: await png(800, 400), details: { altText: "Stays" } });
    await imageVariant(other.storageKey, 320, "webp");
    const post = await createTestPost({ author });
    await db().post.update({ where: { id: post.id }, data: { coverMediaId: image.id } });

    expect(await deleteMedia(image.id)).toEqual({ deleted: true });

    expect(await keysInBucket(image.storageKey)).toEqual([]);
    expect(await keysInBucket(`_variants/${image.storageKey}`)).toEqual([]);
    expect(await db().media.findUnique({ where: { id: image.id } })).toBeNull();
    expect((await db().post.findUniqueOrThrow({ where: { id: post.id } })).coverMediaId).toBeNull();
    expect((await requestMedia(image.storageKey)).status).toBe(404);
    // Only that image: the other one and its copy stay.
    expect(await keysInBucket(other.storageKey)).toEqual([other.storageKey]);
    expect(await keysInBucket(`_variants/${other.storageKey}`)).toHaveLength(1);
    expect(await deleteMedia(image.id)).toEqual({ deleted: false });
  });

  it("with S3_PUBLIC_URL an original is a redirect to the public bucket address; resized copies still come from the app", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const image = await uploadImage({ actor: author, data: await png(700, 500), details: { altText: "Public" } });
    const publicBase = `${s3.endpoint}/${s3.bucket}/`;
    useStorageEnv({ ...s3.env, S3_PUBLIC_URL: publicBase });
    try {
      const response = await requestMedia(image.storageKey);
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toBe(`${s3.endpoint}/${s3.bucket}/${image.storageKey}`);
      // What the browser then loads from the bucket is the stored original.
      const direct = await fetch(response.headers.get("location")!);
      expect(direct.status).toBe(200);
      expect(Buffer.from(await direct.arrayBuffer()).equals(await objectInBucket(image.storageKey))).toBe(true);
      expect(direct.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const resized = await requestMedia(image.storageKey, "?w=320");
      expect(resized.status).toBe(200);
      expect(resized.headers.get("content-type")).toBe("image/jpeg");
    } finally {
      useStorageEnv(s3.env);
    }
  });

  it("[AUTHOR] with the bucket down, the upload says image storage is unavailable (503), and no Media row exists", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const stored = await uploadImage({ actor: author, data: await png(300, 200), details: { altText: "Before the outage" } });
    useStorageEnv({ ...s3.env, S3_ENDPOINT: await unreachableEndpoint() });
    try {
      const error = await uploadImage({ actor: author, data: await png(400, 300), details: { altText: "During the outage" } }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "UNAVAILABLE", message: expect.stringMatching(/^Image storage is unavailable/) });
      expect(HTTP_STATUS.UNAVAILABLE).toBe(503);
      expect(await db().media.findMany({ where: { uploaderId: author.id }, select: { id: true } })).toEqual([{ id: stored.id }]);

      // Readers get a 503 they may retry, not a server error.
      const response = await requestMedia(stored.storageKey);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("30");
      expect(response.headers.get("cache-control")).toBe("no-store");
    } finally {
      useStorageEnv(s3.env);
    }
    expect(await keysInBucket(`${new Date().getUTCFullYear()}/`)).not.toContainEqual(expect.stringMatching(/-400x300\.png$/));
  });
});

// These run the real scripts through tsx (a few seconds each, more on a busy machine).
describe("npm run media:migrate", { timeout: 120_000 }, () => {
  async function uploadFolder(): Promise<{ dir: string; id: string; keys: string[] }> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-uploads-"));
    const local = new LocalDirectoryStorage(dir);
    const id = Math.random().toString(16).slice(2, 10);
    const keys = [`2031/01/${id}a-40x30.png`, `2031/01/${id}b-50x20.png`, `2031/02/${id}c-60x60.png`];
    for (const key of keys) await local.put(key, await png(40, 30), "image/png");
    const variants = [`_variants/${keys[0]}.320.webp`, `_variants/${keys[0]}.320.avif`, `_variants/${keys[2]}.640.jpeg`];
    for (const key of variants) await local.put(key, Buffer.from(`resized ${key}`), "image/webp");
    fs.writeFileSync(path.join(dir, ".DS_Store"), "finder junk");
    return { dir, id, keys: [...keys, ...variants].sort() };
  }

  function runScript(uploadDir: string, values: Record<string, string>) {
    return promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/media-migrate.ts"], {
      env: { ...process.env, ...values, UPLOAD_DIR: uploadDir, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout: string; stderr: string }) => ({ code: error.code ?? 1, stdout: error.stdout, stderr: error.stderr }),
    );
  }

  it("copies originals and resized copies into the bucket under the same keys; a second run copies nothing", async () => {
    const { dir, id, keys } = await uploadFolder();
    try {
      const first = await runScript(dir, s3.env);
      expect(first.stderr).toBe("");
      expect(first.code).toBe(0);
      expect(first.stdout).toContain("done: 6 files, 6 copied, 0 already in the bucket, 1 ignored");
      expect(first.stdout).toContain("ignored (not an upload): .DS_Store");
      expect((await keysInBucket()).filter((key) => key.includes(id))).toEqual(keys);
      expect((await objectInBucket(keys[3]!)).toString()).toBe(`resized ${keys[3]}`);

      const second = await runScript(dir, s3.env);
      expect(second.code).toBe(0);
      expect(second.stdout).toContain("done: 6 files, 0 copied, 6 already in the bucket, 1 ignored");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("resumes: only what is missing from the bucket or differs in size is copied again", async () => {
    const { dir, keys } = await uploadFolder();
    const target = new S3MediaStorage({
      bucket: s3.bucket,
      region: "us-east-1",
      endpoint: s3.endpoint,
      forcePathStyle: true,
      accessKeyId: s3.env.S3_ACCESS_KEY_ID!,
      secretAccessKey: s3.env.S3_SECRET_ACCESS_KEY!,
    });
    try {
      expect(await copyLocalMedia({ sourceDir: dir, target })).toMatchObject({ found: 6, copied: 6, skipped: 0 });
      // A run that stopped before two objects were written (one missing, one different).
      await inspector.send(new DeleteObjectCommand({ Bucket: s3.bucket, Key: keys[1]! }));
      await target.put(keys[4]!, Buffer.from("x"), "image/webp");
      expect(await copyLocalMedia({ sourceDir: dir, target })).toMatchObject({ found: 6, copied: 2, skipped: 4 });
      expect((await objectInBucket(keys[4]!)).toString()).toBe(`resized ${keys[4]}`);
      expect(await copyLocalMedia({ sourceDir: dir, target })).toMatchObject({ copied: 0, skipped: 6 });
    } finally {
      target.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("with the bucket down it stops with the reason and how to resume; without S3_BUCKET it says what is missing", async () => {
    const { dir } = await uploadFolder();
    try {
      const down = await runScript(dir, { ...s3.env, S3_ENDPOINT: await unreachableEndpoint() });
      expect(down.code).toBe(1);
      expect(down.stderr).toMatch(/error: Media storage failed to check .*ECONNREFUSED/);
      expect(down.stderr).toContain("run `npm run media:migrate` again: it resumes where it stopped");

      const unset = await runScript(dir, Object.fromEntries(S3_VARIABLES.map((name) => [name, ""])));
      expect(unset.code).toBe(2);
      expect(unset.stderr).toContain("S3_BUCKET is not set");

      const bad = await runScript(dir, { ...s3.env, S3_ENDPOINT: "not a url" });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/S3_ENDPOINT must be an http\(s\) URL/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("start-up with S3 settings", { timeout: 120_000 }, () => {
  // An unreachable DATABASE_URL: if the configuration were accepted, start-up would stop at the database instead.
  const startApp = (values: Record<string, string>) =>
    promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/run-app.ts", "start"], {
      env: { ...process.env, ...Object.fromEntries(S3_VARIABLES.map((name) => [name, ""])), DATABASE_URL: "postgresql://nobody:none@127.0.0.1:1/none", ...values },
      timeout: 60_000,
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout: string; stderr: string }) => ({ code: error.code ?? 1, stdout: error.stdout, stderr: error.stderr }),
    );

  it("an invalid S3 setting stops `npm start` before anything runs, naming the variable", async () => {
    const noRegion = await startApp({ S3_BUCKET: "broadsheet-media", S3_ACCESS_KEY_ID: "key", S3_SECRET_ACCESS_KEY: "secret" });
    expect(noRegion.code).toBe(1);
    expect(noRegion.stderr).toContain("S3_REGION is required when S3_BUCKET is set");
    expect(noRegion.stderr).toContain("fix: correct the variables above");
    expect(noRegion.stdout).not.toContain("database");

    const badEndpoint = await startApp({ ...s3.env, S3_ENDPOINT: "minio:9000" });
    expect(badEndpoint.code).toBe(1);
    expect(badEndpoint.stderr).toMatch(/S3_ENDPOINT must be an http\(s\) URL/);
  });
});
