import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import * as tar from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { migrate } from "@/lib/db/migrate";
import { installJobQueue } from "@/lib/jobs/install";
import { LocalDirectoryStorage, resetMediaStorage } from "@/lib/media/storage";
import { seedDemoContent } from "@/lib/seed/seed";
import { exportSite, OPERATOR } from "@/lib/export/export-site";
import { restoreSiteArchive } from "@/lib/export/restore-site-archive";
import { EXCLUDED_TABLES, exportedTables, readTables, type TableInfo } from "@/lib/export/tables";
import { createEmptyDatabase, query } from "@/tests/support/databases";
import { createTestUser } from "@/tests/support/factories";
import { runCommand } from "@/tests/support/cli-processes";
import { auditTargetLabels } from "@/lib/audit/list-audit-entries";
import { AppError } from "@/lib/errors";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { issuePasswordLink } from "@/lib/export/issue-password-link";
import { resetPasswordWithToken } from "@/lib/users/reset-password-with-token";
import crypto from "node:crypto";
import pg from "pg";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { S3MediaStorage } from "@/lib/media/s3-storage";
import { S3RVER_CREDENTIALS, startS3Server, unreachableEndpoint } from "@/tests/support/s3-server";

/**
 * Export a whole site and restore it into a second, fresh database: every
 * row of every exported table and every image must come back exactly.
 * Real PostgreSQL databases (made here on the test server) and real folders.
 */

type Db = { url: string; drop: () => Promise<void> };
const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, UPLOAD_DIR: process.env.UPLOAD_DIR };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-export-test-"));
const sourceUploads = path.join(scratch, "uploads-source");
const targetUploads = path.join(scratch, "uploads-target");
const archivePath = path.join(scratch, "site.tar.gz");
let source: Db;
const created: Db[] = [];

// A table no migration has: the export must carry it without code changes (serial id, self-reference, types the app's tables lack).
const PROBE_TABLE = `CREATE TABLE "ExportProbe" (
  id serial PRIMARY KEY,
  "parentId" integer REFERENCES "ExportProbe"(id),
  amount bigint NOT NULL,
  ratio double precision,
  at timestamptz,
  data jsonb,
  words text[],
  raw bytea
)`;

async function switchDatabase(url: string, uploadDir = sourceUploads) {
  await disconnectDb();
  process.env.DATABASE_URL = url;
  process.env.UPLOAD_DIR = uploadDir;
  resetEnvCache();
  resetMediaStorage();
}

async function freshDatabase(withProbe = true): Promise<Db> {
  const database = await createEmptyDatabase();
  created.push(database);
  await migrate(database.url);
  await installJobQueue(database.url);
  if (withProbe) await query(database.url, PROBE_TABLE);
  return database;
}

async function tablesOf(url: string): Promise<TableInfo[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return exportedTables(await readTables(client));
  } finally {
    await client.end();
  }
}

/** Every row of a table as PostgreSQL renders it, in key order; the audit entries of the export and restore themselves left out. */
async function rowsOf(url: string, table: TableInfo, omit: string[] = []): Promise<string[]> {
  const order = table.primaryKey.map((c) => `"${c}"`).join(", ");
  const where = table.name === "AuditLog" ? `WHERE action NOT IN ('site.export', 'site.restore')` : "";
  const rows = await query<{ row: string }>(url, `SELECT (to_jsonb(t) - $1::text[])::text AS row FROM "${table.name}" t ${where} ORDER BY ${order}`, [omit]);
  return rows.map((r) => r.row);
}

async function count(url: string, table: string): Promise<number> {
  return Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${table}"`))[0]!.n);
}

beforeAll(async () => {
  source = await freshDatabase();
  await switchDatabase(source.url);
  await seedDemoContent();
  const prisma = db();
  // Rows of the kinds the demo seed does not make.
  const post = await prisma.post.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { id: "asc" } });
  const tag = await prisma.tag.findFirstOrThrow({ orderBy: { id: "asc" } });
  await prisma.slugRedirect.create({ data: { fromSlug: `${post.slug}-old`, postId: post.id } });
  await prisma.taxonomyRedirect.create({ data: { kind: "tag", fromSlug: "old-tag", toSlug: tag.slug } });
  await prisma.postWorkingCopy.create({ data: { postId: post.id, title: `${post.title} (edited)`, slug: post.slug, body: "Changed — with ünïcödé and \"quotes\"\nand lines.", tagIds: [tag.id], baseVersion: post.version, submittedAt: new Date("2026-11-20T10:11:12.345Z") } });
  await prisma.setting.create({ data: { key: "site.title", value: { text: "Restored Gazette", nested: [1, 2.5, null, { a: true }] } } });
  await prisma.auditLog.create({ data: { actorId: null, action: "test.noChanges", targetType: "site", targetId: "site" } });
  // Operational rows that must not travel.
  const reader = await createTestUser();
  await prisma.rateLimit.create({ data: { key: "signin:ip:127.0.0.1", count: 3, resetAt: new Date() } });
  await prisma.passwordResetToken.create({ data: { userId: reader.id, tokenHash: "f".repeat(64), expiresAt: new Date(Date.now() + 3600_000) } });
  await query(source.url, `INSERT INTO "ExportProbe" (id, "parentId", amount, ratio, at, data, words, raw) VALUES
    (1, NULL, 9007199254740993, 0.1, '2026-11-26T12:00:00.123456+01:00', '{"k": [1, "two"]}', ARRAY['a', 'b,c', NULL], '\\x00ff10'),
    (2, 1, -1, NULL, NULL, 'null'::jsonb, '{}', NULL),
    (5, 2, 0, 1e-300, NULL, NULL, NULL, '')`);
  await query(source.url, `SELECT setval(pg_get_serial_sequence('"ExportProbe"', 'id'), 5)`);
}, 300_000);

afterAll(async () => {
  await disconnectDb();
  process.env.DATABASE_URL = savedEnv.DATABASE_URL;
  process.env.UPLOAD_DIR = savedEnv.UPLOAD_DIR;
  resetEnvCache();
  resetMediaStorage();
  await Promise.all(created.map((database) => database.drop().catch(() => undefined)));
  fs.rmSync(scratch, { recursive: true, force: true });
  // A dozen databases to drop: slow on a busy machine.
}, 300_000);

describe("npm run export / restore (lib/export)", () => {
  it("every table is either exported or explicitly excluded, and every exclusion names a real table", async () => {
    const plain = await createEmptyDatabase();
    created.push(plain);
    await migrate(plain.url);
    const all = (await query<{ name: string }>(plain.url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)).map((r) => r.name).sort();
    const exported = (await tablesOf(plain.url)).map((t) => t.name);
    expect([...exported, ...Object.keys(EXCLUDED_TABLES)].sort()).toEqual(all);
    expect(exported.filter((name) => name in EXCLUDED_TABLES)).toEqual([]);
  });

  it("[OPERATOR] exports the site and restores it into a fresh database exactly: every row of every table, every image", async () => {
    await switchDatabase(source.url);
    const report = await exportSite({ actor: OPERATOR, output: archivePath, batchRows: 7 });
    expect(fs.existsSync(archivePath)).toBe(true);
    expect(fs.existsSync(`${archivePath}.partial`)).toBe(false);
    expect(fs.statSync(archivePath).mode & 0o777).toBe(0o600);
    expect(report.missingMedia).toEqual([]);

    const tables = await tablesOf(source.url);
    const names = tables.map((t) => t.name);
    // Every table the app has today carries rows in this site, so the comparison below covers each kind.
    for (const name of ["User", "Post", "Category", "Tag", "PostTag", "Media", "PostRevision", "PostWorkingCopy", "Comment", "Report", "AuditLog", "SlugRedirect", "TaxonomyRedirect", "Setting", "ExportProbe"]) {
      expect(names).toContain(name);
      expect(await count(source.url, name), name).toBeGreaterThan(0);
      expect(report.tables.find((t) => t.name === name)?.rows, name).toBe(await rowsOf(source.url, tables.find((t) => t.name === name)!).then((r) => r.length));
    }
    for (const name of Object.keys(EXCLUDED_TABLES)) expect(names).not.toContain(name);

    const target = await freshDatabase();
    await switchDatabase(target.url, targetUploads);
    const restored = await restoreSiteArchive({ archivePath, batchRows: 7 });
    expect(restored.dryRun).toBe(false);
    expect(restored.rows).toBe(report.rows);

    for (const table of tables) {
      const omit = table.name === "User" ? ["passwordHash"] : [];
      expect(await rowsOf(target.url, table, omit), table.name).toEqual(await rowsOf(source.url, table, omit));
    }
    // Passwords never travel; the operational tables stay empty.
    expect(await query(target.url, `SELECT id FROM "User" WHERE "passwordHash" IS NOT NULL`)).toEqual([]);
    expect(Number((await query<{ n: string }>(source.url, `SELECT count(*) AS n FROM "User" WHERE "passwordHash" IS NOT NULL`))[0]!.n)).toBeGreaterThan(0);
    expect(await count(target.url, "PasswordResetToken")).toBe(0);
    expect(await count(target.url, "RateLimit")).toBe(0);

    // Images: the same bytes under the same keys, through the storage.
    const media = await query<{ storageKey: string }>(source.url, `SELECT "storageKey" FROM "Media"`);
    expect(media.length).toBeGreaterThan(5);
    const from = new LocalDirectoryStorage(sourceUploads);
    const to = new LocalDirectoryStorage(targetUploads);
    for (const { storageKey } of media) {
      const original = await from.get(storageKey);
      expect(original).not.toBeNull();
      expect((await to.get(storageKey))?.equals(original!), storageKey).toBe(true);
    }

    // SQL NULL and a JSON null stay apart (to_jsonb above renders both as null).
    const kinds = `SELECT id, data IS NULL AS sql_null, jsonb_typeof(data) AS kind FROM "ExportProbe" ORDER BY id`;
    expect(await query(target.url, kinds)).toEqual(await query(source.url, kinds));
    expect((await query<{ kind: string | null }>(target.url, kinds)).map((r) => r.kind)).toEqual(["object", "null", null]);

    // The serial sequence continues after the restored ids.
    expect((await query<{ id: number }>(target.url, `INSERT INTO "ExportProbe" (amount) VALUES (7) RETURNING id`))[0]!.id).toBe(6);

    // Both runs are audited.
    expect(await query(source.url, `SELECT 1 FROM "AuditLog" WHERE action = 'site.export' AND "actorId" IS NULL`)).toHaveLength(1);
    const audit = await query<{ changes: { rows: { to: number } } }>(target.url, `SELECT changes FROM "AuditLog" WHERE action = 'site.restore'`);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.changes.rows.to).toBe(report.rows);
    // The audit log names the target of both, instead of showing it as deleted.
    expect((await auditTargetLabels([{ targetType: "site", targetId: "site" }])).get("site:site")).toBe("the whole site");

    // A restored account has no password: the old one no longer works; a one-time link sets a new one.
    const admin = (await query<{ email: string }>(target.url, `SELECT email FROM "User" WHERE role = 'ADMIN' ORDER BY id LIMIT 1`))[0]!;
    await expect(signInWithPassword({ email: admin.email, password: "broadsheet-demo-pass" }, "127.0.0.9")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const link = await issuePasswordLink({ email: admin.email });
    const token = link.url.split("/reset-password/")[1]!;
    await resetPasswordWithToken({ token, password: "a new restored password 42", confirm: "a new restored password 42" });
    await expect(signInWithPassword({ email: admin.email, password: "a new restored password 42" }, "127.0.0.9")).resolves.toHaveProperty("id");
  }, 180_000);

  it("moves the images into an S3 bucket and back: export and restore go through the storage in use", async () => {
    const s3 = await startS3Server();
    const bucket = new S3MediaStorage({ bucket: s3.bucket, region: "us-east-1", endpoint: s3.endpoint, ...S3RVER_CREDENTIALS, forcePathStyle: true });
    const inspector = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS });
    try {
      const onS3 = await freshDatabase();
      await switchDatabase(onS3.url, path.join(scratch, "unused"));
      await restoreSiteArchive({ archivePath, storage: bucket });
      const media = await query<{ storageKey: string }>(source.url, `SELECT "storageKey" FROM "Media"`);
      const from = new LocalDirectoryStorage(sourceUploads);
      for (const { storageKey } of media) {
        const object = await inspector.send(new GetObjectCommand({ Bucket: s3.bucket, Key: storageKey }));
        expect(Buffer.from(await object.Body!.transformToByteArray()).equals((await from.get(storageKey))!), storageKey).toBe(true);
      }
      expect(fs.existsSync(path.join(scratch, "unused"))).toBe(false);

      // Back from the bucket into a local folder.
      const fromS3Archive = path.join(scratch, "from-s3.tar.gz");
      const exported = await exportSite({ actor: OPERATOR, output: fromS3Archive, storage: bucket });
      expect(exported.mediaFiles).toBe(media.length);
      const local = await freshDatabase();
      const localUploads = path.join(scratch, "uploads-from-s3");
      await switchDatabase(local.url, localUploads);
      await restoreSiteArchive({ archivePath: fromS3Archive });
      for (const { storageKey } of media) {
        expect((await new LocalDirectoryStorage(localUploads).get(storageKey))?.equals((await from.get(storageKey))!), storageKey).toBe(true);
      }
    } finally {
      bucket.destroy();
      inspector.destroy();
      await s3.stop();
    }
  });

  it("a bucket that is down stops the export with a clear reason and leaves no archive", async () => {
    await switchDatabase(source.url);
    const down = new S3MediaStorage({ bucket: "broadsheet-media", region: "us-east-1", endpoint: await unreachableEndpoint(), ...S3RVER_CREDENTIALS, forcePathStyle: true });
    const output = path.join(scratch, "bucket-down.tar.gz");
    try {
      const error = await exportSite({ actor: OPERATOR, output, storage: down }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("UNAVAILABLE");
      expect((error as AppError).message).toMatch(/Image storage is unavailable .*no archive was written/);
    } finally {
      down.destroy();
    }
    expect(fs.existsSync(output)).toBe(false);
    expect(fs.existsSync(`${output}.partial`)).toBe(false);
  });

  it("refuses a target that already has content, and changes nothing", async () => {
    const target = await freshDatabase();
    await switchDatabase(target.url, targetUploads);
    await createTestUser();
    const before = await count(target.url, "User");
    const error = await restoreSiteArchive({ archivePath }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).message).toMatch(/already has content \(User: 1/);
    expect(await count(target.url, "User")).toBe(before);
    expect(await count(target.url, "Post")).toBe(0);
  });

  it("--dry-run checks everything and reports the counts, writing nothing", async () => {
    const target = await freshDatabase();
    await switchDatabase(target.url, path.join(scratch, "uploads-dry"));
    const report = await restoreSiteArchive({ archivePath, dryRun: true });
    expect(report.dryRun).toBe(true);
    expect(report.tables.find((t) => t.name === "Post")!.rows).toBe(await count(source.url, "Post"));
    expect(report.mediaFiles).toBe(await count(source.url, "Media"));
    for (const table of await tablesOf(target.url)) expect(await count(target.url, table.name), table.name).toBe(0);
    expect(fs.existsSync(path.join(scratch, "uploads-dry"))).toBe(false);
  });

  it("[OPERATOR] the commands as typed: npm run export, npm run import -- broadsheet (dry run, restore, a bad archive, a password link)", async () => {
    const cliArchive = path.join(scratch, "cli.tar.gz");
    const commandEnv = (url: string, uploads: string): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: url, UPLOAD_DIR: uploads, NODE_ENV: "development" });
    const exported = await runCommand("npm", ["run", "--silent", "export", "--", "--output", cliArchive], commandEnv(source.url, sourceUploads), 180_000);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(new RegExp(`Post +${await count(source.url, "Post")} rows`));
    expect(exported.stdout).toMatch(/done: .*cli\.tar\.gz .*recorded in the audit log as site\.export/);
    // Never overwrites an archive.
    const again = await runCommand("npm", ["run", "--silent", "export", "--", "--output", cliArchive], commandEnv(source.url, sourceUploads), 180_000);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);

    const target = await freshDatabase();
    const uploads = path.join(scratch, "uploads-cli");
    const dry = await runCommand("npm", ["run", "--silent", "import", "--", "broadsheet", cliArchive, "--dry-run"], commandEnv(target.url, uploads), 180_000);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(new RegExp(`Post +would restore ${await count(source.url, "Post")} rows`));
    expect(dry.stdout).toMatch(/nothing was written/);
    expect(await count(target.url, "User")).toBe(0);

    const bad = path.join(scratch, "cli-cut.tar.gz");
    fs.writeFileSync(bad, fs.readFileSync(cliArchive).subarray(0, 5000));
    const refused = await runCommand("npm", ["run", "--silent", "import", "--", "broadsheet", bad], commandEnv(target.url, uploads), 180_000);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/error: cli-cut\.tar\.gz is damaged, cut off .*Nothing was changed/);
    expect(await count(target.url, "User")).toBe(0);

    const admin = (await query<{ email: string }>(source.url, `SELECT email FROM "User" WHERE role = 'ADMIN' ORDER BY id LIMIT 1`))[0]!.email;
    const restored = await runCommand("npm", ["run", "--silent", "import", "--", "broadsheet", cliArchive, "--password-link", admin], commandEnv(target.url, uploads), 180_000);
    expect(restored.stderr).toBe("");
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/restored in one transaction/);
    expect(restored.stdout).toMatch(new RegExp(`password link for ${admin.replace(".", "\\.")} .*/reset-password/[A-Za-z0-9_-]{20,}`));
    expect(await count(target.url, "Post")).toBe(await count(source.url, "Post"));
    expect(await query(target.url, `SELECT 1 FROM "PasswordResetToken" t JOIN "User" u ON u.id = t."userId" WHERE u.email = $1`, [admin])).toHaveLength(1);
  }, 400_000);

  it("an image whose file is gone is reported, and everything else is exported and restored", async () => {
    await switchDatabase(source.url);
    const uploader = (await query<{ id: string }>(source.url, `SELECT id FROM "User" ORDER BY id LIMIT 1`))[0]!;
    const lost = await db().media.create({ data: { storageKey: "2026/11/lostfile-10x10.png", mimeType: "image/png", width: 10, height: 10, sizeBytes: 100, uploaderId: uploader.id } });
    try {
      const withLoss = path.join(scratch, "with-loss.tar.gz");
      const report = await exportSite({ actor: OPERATOR, output: withLoss });
      expect(report.missingMedia).toEqual([lost.storageKey]);
      expect(report.mediaFiles).toBe((await count(source.url, "Media")) - 1);
      const target = await freshDatabase();
      await switchDatabase(target.url, path.join(scratch, "uploads-loss"));
      const restored = await restoreSiteArchive({ archivePath: withLoss });
      expect(restored.missingMedia).toEqual([lost.storageKey]);
      expect(await query(target.url, `SELECT id FROM "Media" WHERE id = $1`, [lost.id])).toHaveLength(1);
      expect(await count(target.url, "Media")).toBe(await count(source.url, "Media"));
    } finally {
      await switchDatabase(source.url);
      await db().media.delete({ where: { id: lost.id } });
    }
  });

  describe("a damaged archive stops naming what is at fault and changes nothing", () => {
    async function repack(edit: (dir: string) => void): Promise<string> {
      const dir = fs.mkdtempSync(path.join(scratch, "repack-"));
      await tar.x({ file: archivePath, cwd: dir });
      edit(dir);
      const out = `${dir}.tar.gz`;
      await tar.c({ gzip: true, cwd: dir, file: out }, fs.readdirSync(dir));
      return out;
    }

    async function expectRefused(archive: string, message: RegExp) {
      const target = await freshDatabase();
      await switchDatabase(target.url, path.join(scratch, "uploads-refused"));
      const error = await restoreSiteArchive({ archivePath: archive }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).message).toMatch(message);
      expect((error as AppError).message).toMatch(/Nothing was changed/);
      for (const table of await tablesOf(target.url)) expect(await count(target.url, table.name), table.name).toBe(0);
      expect(fs.existsSync(path.join(scratch, "uploads-refused"))).toBe(false);
    }

    it("a truncated archive", async () => {
      const bytes = fs.readFileSync(archivePath);
      const cut = path.join(scratch, "cut.tar.gz");
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      await expectRefused(cut, /cut\.tar\.gz is damaged, cut off or not a Broadsheet site export/);
    });

    it("a file that is not an archive", async () => {
      const junk = path.join(scratch, "junk.tar.gz");
      fs.writeFileSync(junk, zlib.gzipSync("hello"));
      await expectRefused(junk, /junk\.tar\.gz is damaged|manifest\.json is missing/);
    });

    it("a malformed line names the file and line", async () => {
      const archive = await repack((dir) => {
        const file = path.join(dir, "tables", "Comment.ndjson");
        const lines = fs.readFileSync(file, "utf8").split("\n");
        lines[2] = lines[2]!.slice(0, 20);
        fs.writeFileSync(file, lines.join("\n"));
      });
      await expectRefused(archive, /tables\/Comment\.ndjson line 3: not valid JSON/);
    });

    it("a changed value fails the checksum", async () => {
      const archive = await repack((dir) => {
        const file = path.join(dir, "tables", "Post.ndjson");
        fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('"PUBLISHED"', '"DRAFT"'));
      });
      await expectRefused(archive, /tables\/Post\.ndjson: its checksum does not match manifest\.json/);
    });

    it("rows the database refuses are named by line, and what went in before is rolled back", async () => {
      const archive = await repack((dir) => {
        const file = path.join(dir, "tables", "Post.ndjson");
        const lines = fs.readFileSync(file, "utf8").split("\n");
        lines[3] = lines[3]!.replace(/"status": "[A-Z_]+"/, '"status": "PUBLISHD"');
        const text = lines.join("\n");
        fs.writeFileSync(file, text);
        // Keep the checksums right: this is a well-formed archive with a bad value in it.
        const manifestFile = path.join(dir, "manifest.json");
        const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { tables: { name: string; sha256: string; bytes: number }[] };
        const entry = manifest.tables.find((t) => t.name === "Post")!;
        entry.sha256 = crypto.createHash("sha256").update(text).digest("hex");
        entry.bytes = Buffer.byteLength(text);
        fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      });
      await expectRefused(archive, /tables\/Post\.ndjson line 4: .*invalid input value for enum "PostStatus": "PUBLISHD"/);
    });

    it("a manifest with a wrong field names the field", async () => {
      const archive = await repack((dir) => {
        const manifestFile = path.join(dir, "manifest.json");
        const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { tables: { rows: unknown }[] };
        manifest.tables[1]!.rows = "many";
        fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      });
      await expectRefused(archive, /manifest\.json: tables\.1\.rows: /);
    });

    it("an archive from an older schema restores into a newer database, saying so", async () => {
      const archive = await repack((dir) => {
        const manifestFile = path.join(dir, "manifest.json");
        const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { schemaVersion: string; migrations: string[] };
        manifest.migrations.pop();
        manifest.schemaVersion = manifest.migrations.at(-1)!;
        fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      });
      const target = await freshDatabase();
      await switchDatabase(target.url, path.join(scratch, "uploads-older"));
      const report = await restoreSiteArchive({ archivePath: archive });
      expect(report.notes.join(" ")).toMatch(/The archive is from schema version \S+; this database is at \S+: columns added since get their defaults/);
      expect(await count(target.url, "Post")).toBe(await count(source.url, "Post"));
    });

    it("an archive from a schema this database does not have", async () => {
      const archive = await repack((dir) => {
        const manifestFile = path.join(dir, "manifest.json");
        const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as { schemaVersion: string };
        manifest.schemaVersion = "29991231000000_from_the_future";
        fs.writeFileSync(manifestFile, JSON.stringify(manifest));
      });
      await expectRefused(archive, /schema version 29991231000000_from_the_future, which this database .* does not have/);
    });
  });

});
