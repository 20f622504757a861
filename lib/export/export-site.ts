import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import * as tar from "tar";
import { env } from "@/lib/env";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { assertSafeKey, mediaStorage, StorageUnavailableError, type MediaStorage } from "@/lib/media/storage";
import { AppError } from "@/lib/errors";
import { archivedColumns, EXCLUDED_TABLES, exportedTables, isJsonColumn, JSON_NULLS_KEY, OMITTED_COLUMNS, pgString, quoteIdent, readTables, type TableInfo } from "@/lib/export/tables";
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, MANIFEST_FILE, MEDIA_INDEX_FILE, type Manifest, type MediaEntry } from "@/lib/export/manifest";
import { HashedFileWriter, sha256Hex, tableFile, type OnProgress } from "@/lib/export/files";

// No "server-only" here: `npm run export` imports this outside Next, like lib/users/create-user.ts.

/** Whoever runs `npm run export` on the server: they hold the database credentials anyway. */
export const OPERATOR = "operator" as const;
export type ExportActor = Actor | typeof OPERATOR;

export type ExportReport = {
  schemaVersion: string;
  tables: { name: string; rows: number }[];
  rows: number;
  mediaFiles: number;
  mediaBytes: number;
  /** Media rows whose original was not in storage (exported as rows, without a file). */
  missingMedia: string[];
  /** Size of the archive written. */
  archiveBytes: number;
};

const BATCH_ROWS = 1000;

/**
 * Writes the whole site (every table of the app's schema except the
 * operational ones in EXCLUDED_TABLES, users without password hashes, and the
 * original of every image) into one .tar.gz: manifest.json, one NDJSON file
 * per table, media.ndjson and media/<key>. Rows are read from one
 * REPEATABLE READ snapshot, in primary-key batches, so the archive is
 * consistent while the site keeps running and no table is held in memory.
 * `output`: a file path (written to <path>.partial, renamed when complete) or
 * a stream (the admin download). Audited as "site.export".
 */
export async function exportSite(options: {
  actor: ExportActor;
  output: string | NodeJS.WritableStream;
  storage?: MediaStorage;
  onProgress?: OnProgress;
  batchRows?: number;
}): Promise<ExportReport> {
  if (options.actor !== OPERATOR) assertCan(options.actor, "site.export");
  const storage = options.storage ?? mediaStorage();
  const progress = options.onProgress ?? (() => undefined);
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), "broadsheet-export-"));
  const client = new pg.Client({ connectionString: env().DATABASE_URL });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = exportedTables(await readTables(client));
    const migrations = (
      await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
    ).rows.map((r) => r.name);
    if (migrations.length === 0) throw new Error("The database has no migrations applied: run `npm run db:migrate` first.");

    await fs.mkdir(path.join(staging, "tables"));
    await fs.mkdir(path.join(staging, "media"));
    const manifestTables: Manifest["tables"] = [];
    const totals = new Map<string, number>();
    for (const table of tables) {
      totals.set(table.name, Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`)).rows[0]!.n));
    }
    const totalRows = [...totals.values()].reduce((a, b) => a + b, 0);
    let doneRows = 0;
    for (const table of tables) {
      const columns = archivedColumns(table);
      const writer = new HashedFileWriter(path.join(staging, tableFile(table.name)));
      let rows = 0;
      for await (const lines of tableBatches(client, table, batchRows)) {
        for (const line of lines) await writer.write(`${line}\n`);
        rows += lines.length;
        doneRows += lines.length;
        progress({ phase: "rows", label: table.name, done: doneRows, total: totalRows });
      }
      const { bytes, sha256 } = await writer.close();
      manifestTables.push({ name: table.name, file: tableFile(table.name), columns, primaryKey: table.primaryKey, rows, bytes, sha256 });
    }

    const media = await exportMedia(client, tables, storage, staging, progress);
    await client.query("COMMIT");

    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      site: { name: env().SITE_NAME, url: env().SITE_URL },
      schemaVersion: migrations.at(-1)!,
      migrations,
      tables: manifestTables,
      media: media.summary,
      excludedTables: { ...EXCLUDED_TABLES },
      omittedColumns: Object.fromEntries(Object.entries(OMITTED_COLUMNS).map(([t, c]) => [t, [...c]])),
    };
    await fs.writeFile(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);

    progress({ phase: "archive", label: "compressing", done: 0, total: 1 });
    const archiveBytes = await writeArchive(staging, options.output);
    progress({ phase: "archive", label: "compressing", done: 1, total: 1 });

    const report: ExportReport = {
      schemaVersion: manifest.schemaVersion,
      tables: manifestTables.map((t) => ({ name: t.name, rows: t.rows })),
      rows: doneRows,
      mediaFiles: media.summary.files,
      mediaBytes: media.summary.bytes,
      missingMedia: media.summary.missing,
      archiveBytes,
    };
    await recordAudit(db(), {
      actorId: options.actor === OPERATOR ? null : options.actor.id,
      action: "site.export",
      targetType: "site",
      targetId: "site",
      changes: {
        archive: { from: null, to: typeof options.output === "string" ? path.basename(options.output) : "download" },
        rows: { from: null, to: report.rows },
        mediaFiles: { from: null, to: report.mediaFiles },
        schemaVersion: { from: null, to: report.schemaVersion },
      },
    });
    return report;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** A table's rows as JSON lines, in primary-key order, batch by batch (keyset pagination). */
async function* tableBatches(client: pg.ClientBase, table: TableInfo, batchRows: number): AsyncGenerator<string[]> {
  const omit = table.columns.filter((c) => !archivedColumns(table).includes(c.name)).map((c) => c.name);
  const key = table.primaryKey.map((name) => `t.${quoteIdent(name)}`);
  const keyTypes = table.primaryKey.map((name) => table.columns.find((c) => c.name === name)!.type);
  // to_jsonb renders SQL NULL and a JSON null alike: name the JSON nulls so a restore can tell them apart.
  const jsonColumns = table.columns.filter((c) => isJsonColumn(c) && archivedColumns(table).includes(c.name));
  const jsonNulls = jsonColumns.length
    ? `array_remove(ARRAY[${jsonColumns.map((c) => `CASE WHEN jsonb_typeof(t.${quoteIdent(c.name)}::jsonb) = 'null' THEN ${pgString(c.name)} END`).join(", ")}], NULL)`
    : "ARRAY[]::text[]";
  const select = `SELECT (to_jsonb(t) - $1::text[])::text AS line, ${jsonNulls} AS json_nulls, ${key.map((k, i) => `${k}::text AS k${i}`).join(", ")} FROM ${quoteIdent(table.name)} t`;
  const order = `ORDER BY ${key.join(", ")} LIMIT ${batchRows}`;
  let after: string[] | null = null;
  for (;;) {
    const params: unknown[] = [omit];
    let where = "";
    if (after) {
      where = `WHERE (${key.join(", ")}) > (${keyTypes.map((type, i) => `$${i + 2}::${type}`).join(", ")})`;
      params.push(...after);
    }
    const { rows } = await client.query<Record<string, string> & { json_nulls: string[] }>(`${select} ${where} ${order}`, params);
    if (rows.length === 0) return;
    yield rows.map((r) => (r.json_nulls.length ? `${r.line!.slice(0, -1)}, ${JSON.stringify(JSON_NULLS_KEY)}: ${JSON.stringify(r.json_nulls)}}` : r.line!));
    const last = rows.at(-1)!;
    after = table.primaryKey.map((_, i) => last[`k${i}`]!);
    if (rows.length < batchRows) return;
  }
}

/**
 * The original of every Media row (resized copies are a cache, made again on
 * first request). A row whose file is gone is reported, not fatal: the rest
 * of the site is still worth backing up.
 */
async function exportMedia(client: pg.ClientBase, tables: TableInfo[], storage: MediaStorage, staging: string, progress: OnProgress) {
  const index = new HashedFileWriter(path.join(staging, MEDIA_INDEX_FILE));
  const missing: string[] = [];
  let files = 0;
  let bytes = 0;
  const mediaTable = tables.find((t) => t.name === "Media");
  if (mediaTable) {
    const total = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Media"`)).rows[0]!.n);
    let after: string | null = null;
    let done = 0;
    for (;;) {
      const { rows }: { rows: { id: string; storageKey: string; mimeType: string }[] } = await client.query(
        `SELECT id, "storageKey", "mimeType" FROM "Media" ${after === null ? "" : "WHERE id > $1"} ORDER BY id LIMIT 200`,
        after === null ? [] : [after],
      );
      if (rows.length === 0) break;
      for (const row of rows) {
        assertSafeKey(row.storageKey);
        let data: Buffer | null;
        try {
          data = await storage.get(row.storageKey);
        } catch (error) {
          if (error instanceof StorageUnavailableError) {
            throw new AppError("UNAVAILABLE", `Image storage is unavailable (${error.message}), so no archive was written: check it and run the export again.`);
          }
          throw error;
        }
        done += 1;
        if (!data) {
          missing.push(row.storageKey);
          continue;
        }
        const file = `media/${row.storageKey}`;
        await fs.mkdir(path.dirname(path.join(staging, file)), { recursive: true });
        await fs.writeFile(path.join(staging, file), data);
        const entry: MediaEntry = { key: row.storageKey, file, contentType: row.mimeType, bytes: data.length, sha256: sha256Hex(data) };
        await index.write(`${JSON.stringify(entry)}\n`);
        files += 1;
        bytes += data.length;
        progress({ phase: "media", label: "images", done, total });
      }
      after = rows.at(-1)!.id;
    }
  }
  const { sha256 } = await index.close();
  return { summary: { file: MEDIA_INDEX_FILE, files, bytes, sha256, missing } };
}

/** The staged folder as one gzipped tar, manifest first. Returns its size. */
async function writeArchive(staging: string, output: string | NodeJS.WritableStream): Promise<number> {
  const entries = [MANIFEST_FILE, MEDIA_INDEX_FILE, "tables", "media"];
  const pack = tar.c({ gzip: true, cwd: staging, portable: true }, entries);
  if (typeof output !== "string") {
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(null, chunk);
      },
    });
    await pipeline(pack, counter, output);
    return size;
  }
  // Never leave a half-written archive under the name a backup is looked for by.
  const partial = `${output}.partial`;
  await fs.mkdir(path.dirname(path.resolve(output)), { recursive: true });
  // Owner-only: the archive holds every account's email and every draft.
  await pipeline(pack, (await fs.open(partial, "w", 0o600)).createWriteStream());
  await fs.rename(partial, output);
  return (await fs.stat(output)).size;
}
