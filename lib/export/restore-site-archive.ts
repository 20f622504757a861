import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import * as tar from "tar";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { assertSafeKey, mediaStorage, StorageUnavailableError, type MediaStorage } from "@/lib/media/storage";
import { revalidateForReadersOutsideNext } from "@/lib/cache/revalidate";
import { SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";
import { EXCLUDED_TABLES, exportedTables, isJsonColumn, JSON_NULLS_KEY, pgString, quoteIdent, readTables, restorePlan, type TableInfo } from "@/lib/export/tables";
import { ARCHIVE_FORMAT_VERSION, describeIssues, MANIFEST_FILE, manifestSchema, mediaEntrySchema, type Manifest, type MediaEntry } from "@/lib/export/manifest";
import { NdjsonError, NdjsonReader, parseObjectLine, type NdjsonLine } from "@/lib/export/ndjson";
import { sha256Hex, tableFile, type OnProgress } from "@/lib/export/files";

// No "server-only" here: `npm run import -- broadsheet` imports this outside Next.
// Only the operator restores (the command line, with the database's credentials): there is no web restore.

export type RestoreReport = {
  dryRun: boolean;
  archive: string;
  exportedAt: string;
  site: { name: string; url: string };
  schemaVersion: string;
  targetSchemaVersion: string;
  tables: { name: string; rows: number }[];
  rows: number;
  mediaFiles: number;
  mediaBytes: number;
  /** Images the exported site had rows for but no file (reported by the export). */
  missingMedia: string[];
  /** Accounts restored without a password (every one: archives carry no password hashes). */
  usersWithoutPassword: number;
  notes: string[];
};

const BATCH_ROWS = 500;
/** Keeps one INSERT's JSON parameter well below what a single query should carry. */
const BATCH_BYTES = 4 * 1024 * 1024;

const invalid = (message: string) => new AppError("INVALID", `${message} Nothing was changed.`);

/**
 * Restores an archive written by exportSite into an empty instance: the
 * database named by DATABASE_URL, migrated (npm run db:migrate) and without
 * content, and the configured media storage. Everything is checked before
 * anything is written (archive integrity, every line of every file, the
 * checksums, the schema version, that the target is empty); then all rows go
 * in one transaction with their ids, timestamps, enums and JSON as they were,
 * sequences are reset, the images are put back through the storage, the
 * run is audited as "site.restore", and every public page is expired.
 * A bad archive stops naming the file and line at fault, and changes nothing.
 * `dryRun`: every check, then the counts; nothing is written.
 */
export async function restoreSiteArchive(options: {
  archivePath: string;
  dryRun?: boolean;
  storage?: MediaStorage;
  onProgress?: OnProgress;
  batchRows?: number;
}): Promise<RestoreReport> {
  const progress = options.onProgress ?? (() => undefined);
  const batchRows = options.batchRows ?? BATCH_ROWS;
  const archiveName = path.basename(options.archivePath);
  const stat = await fs.stat(options.archivePath).catch(() => null);
  if (!stat?.isFile()) throw new AppError("INVALID", `There is no archive at ${options.archivePath}.`);

  const workdir = await fs.mkdtemp(path.join(os.tmpdir(), "broadsheet-restore-"));
  try {
    await extract(options.archivePath, workdir);
    const manifest = await readManifest(workdir);

    let report: RestoreReport;
    const client = new pg.Client({ connectionString: env().DATABASE_URL });
    await client.connect();
    try {
      // The quick refusals first (wrong schema, a database with content), then every file of the archive.
      const target = await checkTarget(client, manifest);
      await assertEmpty(client, target.tables);
      const media = await verifyFiles(workdir, manifest, progress);
      report = {
        dryRun: options.dryRun === true,
        archive: archiveName,
        exportedAt: manifest.createdAt,
        site: manifest.site,
        schemaVersion: manifest.schemaVersion,
        targetSchemaVersion: target.schemaVersion,
        tables: manifest.tables.map((t) => ({ name: t.name, rows: t.rows })),
        rows: manifest.tables.reduce((sum, t) => sum + t.rows, 0),
        mediaFiles: media.length,
        mediaBytes: media.reduce((sum, m) => sum + m.bytes, 0),
        missingMedia: manifest.media.missing,
        usersWithoutPassword: manifest.tables.find((t) => t.name === "User")?.rows ?? 0,
        notes: target.notes,
      };
      if (options.dryRun) return report;

      await client.query("BEGIN");
      try {
        // Nothing else may write these tables until the restore is committed (or rolled back).
        await client.query(`LOCK TABLE ${target.tables.map((t) => quoteIdent(t.name)).join(", ")} IN SHARE ROW EXCLUSIVE MODE`);
        await assertEmpty(client, target.tables);
        await insertRows(client, workdir, manifest, target.tables, batchRows, progress);
        await resetSequences(client, target.tables);
        await client.query(
          `INSERT INTO "AuditLog" (id, "actorId", action, "targetType", "targetId", changes, "createdAt")
           VALUES ($1, NULL, 'site.restore', 'site', 'site', $2::jsonb, now() AT TIME ZONE 'UTC')`,
          [
            crypto.randomUUID(),
            JSON.stringify({
              archive: { from: null, to: archiveName },
              exportedAt: { from: null, to: manifest.createdAt },
              rows: { from: null, to: report.rows },
              mediaFiles: { from: null, to: report.mediaFiles },
              schemaVersion: { from: null, to: manifest.schemaVersion },
            }),
          ],
        );
        // Files before the commit: if storage fails, no row points at a missing image (lib/media/README.md).
        await putMedia(workdir, media, options.storage ?? mediaStorage(), progress);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    try {
      await revalidateForReadersOutsideNext(SITE_WIDE_EFFECT);
    } catch (error) {
      report.notes.push(`The public page cache could not be expired (${(error as Error).message}): restart the app to be sure readers see the restored site.`);
    }
    return report;
  } finally {
    // After a failed extraction tar may still be finishing a write: retry, and never hide the real error behind this one.
    await fs.rm(workdir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }).catch(() => undefined);
  }
}

/** Unpacks the archive: only plain files and folders, never outside workdir; a cut-off or damaged archive stops here. */
async function extract(archivePath: string, workdir: string): Promise<void> {
  const refused: string[] = [];
  try {
    await tar.x({
      file: archivePath,
      cwd: workdir,
      strict: true,
      filter: (entryPath, entry) => {
        const type = "type" in entry ? entry.type : "File";
        if (type === "File" || type === "Directory" || type === "OldFile") return true;
        refused.push(entryPath);
        return false;
      },
    });
  } catch (error) {
    throw invalid(`${path.basename(archivePath)} is damaged, cut off or not a Broadsheet site export (${(error as Error).message}).`);
  }
  if (refused.length > 0) throw invalid(`${path.basename(archivePath)} contains entries that are not plain files (${refused.slice(0, 3).join(", ")}).`);
}

async function readManifest(workdir: string): Promise<Manifest> {
  let text: string;
  try {
    text = await fs.readFile(path.join(workdir, MANIFEST_FILE), "utf8");
  } catch {
    throw invalid(`${MANIFEST_FILE} is missing: this is not a Broadsheet site export.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalid(`${MANIFEST_FILE} is not valid JSON (${(error as Error).message}).`);
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw invalid(`${MANIFEST_FILE}: ${describeIssues(parsed.error)}.`);
  const manifest = parsed.data;
  if (manifest.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw invalid(`${MANIFEST_FILE}: format version ${manifest.formatVersion} is newer than this Broadsheet reads (${ARCHIVE_FORMAT_VERSION}): upgrade Broadsheet first.`);
  }
  const names = new Set<string>();
  manifest.tables.forEach((table, i) => {
    // The manifest names the files; accept only the names export writes, so nothing outside the archive is read.
    if (table.file !== tableFile(table.name)) throw invalid(`${MANIFEST_FILE}: tables.${i}.file must be ${tableFile(table.name)}.`);
    if (names.has(table.name)) throw invalid(`${MANIFEST_FILE}: tables.${i}.name: table ${table.name} is listed twice.`);
    names.add(table.name);
    for (const key of table.primaryKey) if (!table.columns.includes(key)) throw invalid(`${MANIFEST_FILE}: tables.${i}.primaryKey: ${key} is not one of its columns.`);
  });
  return manifest;
}

/** Every line of every file read, parsed and counted, every checksum compared, before the database is touched. */
async function verifyFiles(workdir: string, manifest: Manifest, progress: OnProgress): Promise<MediaEntry[]> {
  const total = manifest.tables.reduce((sum, t) => sum + t.rows, 0) + manifest.media.files;
  let done = 0;
  for (const table of manifest.tables) {
    const columns = new Set(table.columns);
    const reader = await openNdjson(workdir, table.file);
    let rows = 0;
    await readAll(table.file, reader, (line) => {
      const row = parseObjectLine(line);
      const jsonNulls = row[JSON_NULLS_KEY];
      if (jsonNulls !== undefined) {
        if (!Array.isArray(jsonNulls) || jsonNulls.some((name) => typeof name !== "string" || !columns.has(name))) {
          throw new NdjsonError(line.lineNo, `field "${JSON_NULLS_KEY}" must list column names of ${table.name}`);
        }
        delete row[JSON_NULLS_KEY];
      }
      for (const key of Object.keys(row)) if (!columns.has(key)) throw new NdjsonError(line.lineNo, `unknown field "${key}" (not a column of ${table.name} in the manifest)`);
      for (const key of table.primaryKey) if (row[key] === null || row[key] === undefined) throw new NdjsonError(line.lineNo, `field "${key}" (primary key) is missing`);
      rows += 1;
      done += 1;
      if (done % 1000 === 0) progress({ phase: "verify", label: table.name, done, total });
    });
    checkCounts(table.file, reader, { rows, bytes: table.bytes, sha256: table.sha256, expectedRows: table.rows });
  }

  const media: MediaEntry[] = [];
  const reader = await openNdjson(workdir, manifest.media.file);
  await readAll(manifest.media.file, reader, (line) => {
    const parsed = mediaEntrySchema.safeParse(parseObjectLine(line));
    if (!parsed.success) throw new NdjsonError(line.lineNo, describeIssues(parsed.error));
    try {
      assertSafeKey(parsed.data.key);
    } catch {
      throw new NdjsonError(line.lineNo, `key: "${parsed.data.key}" is not a storage key`);
    }
    if (parsed.data.file !== `media/${parsed.data.key}`) throw new NdjsonError(line.lineNo, `file must be media/${parsed.data.key}`);
    media.push(parsed.data);
  });
  checkCounts(manifest.media.file, reader, { rows: media.length, bytes: null, sha256: manifest.media.sha256, expectedRows: manifest.media.files });
  for (const entry of media) {
    const data = await fs.readFile(path.join(workdir, entry.file)).catch(() => null);
    if (!data) throw invalid(`${entry.file} is missing from the archive.`);
    if (data.length !== entry.bytes || sha256Hex(data) !== entry.sha256) throw invalid(`${entry.file}: its checksum does not match ${manifest.media.file} (the file was changed or damaged).`);
    done += 1;
    progress({ phase: "verify", label: "images", done, total });
  }
  progress({ phase: "verify", label: "done", done: total, total });
  return media;
}

async function openNdjson(workdir: string, file: string): Promise<NdjsonReader> {
  const full = path.join(workdir, file);
  const stat = await fs.stat(full).catch(() => null);
  if (!stat?.isFile()) throw invalid(`${file} is listed in ${MANIFEST_FILE} but missing from the archive.`);
  return new NdjsonReader(full);
}

async function readAll(file: string, reader: NdjsonReader, onLine: (line: NdjsonLine) => void): Promise<void> {
  try {
    for await (const line of reader) onLine(line);
  } catch (error) {
    if (error instanceof NdjsonError) throw invalid(`${file} line ${error.lineNo}: ${error.problem}.`);
    throw error;
  }
}

function checkCounts(file: string, reader: NdjsonReader, expected: { rows: number; bytes: number | null; sha256: string; expectedRows: number }): void {
  if (expected.rows !== expected.expectedRows) throw invalid(`${file}: ${expected.rows} rows, but ${MANIFEST_FILE} says ${expected.expectedRows} (the archive is incomplete).`);
  if ((expected.bytes !== null && reader.bytes !== expected.bytes) || reader.digest() !== expected.sha256) {
    throw invalid(`${file}: its checksum does not match ${MANIFEST_FILE} (the file was changed or damaged).`);
  }
}

/**
 * The target must have the archive's schema version among its migrations, and
 * every table and column the archive carries. A target with newer migrations is
 * accepted (columns added since get their defaults); an older one is not.
 */
async function checkTarget(client: pg.ClientBase, manifest: Manifest): Promise<{ schemaVersion: string; tables: TableInfo[]; notes: string[] }> {
  const migrations = await client
    .query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)
    .then((r) => r.rows.map((row) => row.name))
    .catch(() => [] as string[]);
  if (migrations.length === 0) throw new AppError("CONFLICT", "The target database has no migrations applied: run `npm run db:migrate` first, then restore. Nothing was changed.");
  const schemaVersion = migrations.at(-1)!;
  if (!migrations.includes(manifest.schemaVersion)) {
    throw new AppError(
      "CONFLICT",
      `The archive was made at schema version ${manifest.schemaVersion}, which this database (at ${schemaVersion}) does not have: run \`npm run db:migrate\` with the Broadsheet version that made the archive (or a newer one), then restore. Nothing was changed.`,
    );
  }
  const all = await readTables(client);
  const notes: string[] = [];
  if (schemaVersion !== manifest.schemaVersion) notes.push(`The archive is from schema version ${manifest.schemaVersion}; this database is at ${schemaVersion}: columns added since get their defaults.`);
  for (const table of manifest.tables) {
    const info = all.get(table.name);
    if (!info) throw new AppError("CONFLICT", `Table ${table.name} of the archive does not exist in this database. Nothing was changed.`);
    for (const column of table.columns) {
      const found = info.columns.find((c) => c.name === column);
      if (!found || found.generated) throw new AppError("CONFLICT", `Column ${table.name}.${column} of the archive does not exist in this database. Nothing was changed.`);
    }
  }
  const tables = exportedTables(all);
  for (const table of tables) if (!manifest.tables.some((t) => t.name === table.name)) notes.push(`Table ${table.name} is not in the archive (added after it was made): it stays empty.`);
  for (const table of manifest.tables) {
    // This version no longer moves that table (lib/export/tables.ts says why): its rows are left out.
    if (table.name in EXCLUDED_TABLES) notes.push(`Table ${table.name} (${table.rows} rows in the archive) is not restored: ${EXCLUDED_TABLES[table.name]}.`);
  }
  return { schemaVersion, tables, notes };
}

async function assertEmpty(client: pg.ClientBase, tables: TableInfo[]): Promise<void> {
  const filled: string[] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteIdent(table.name)}`);
    const n = Number(rows[0]!.n);
    if (n > 0) filled.push(`${table.name}: ${n}`);
  }
  if (filled.length > 0) {
    throw new AppError(
      "CONFLICT",
      `The target database already has content (${filled.join(", ")} rows). A restore only goes into an empty instance: create a new database (or a new EMBEDDED_PG_DATA_DIR), run \`npm run db:migrate\`, then restore into it. Nothing was changed.`,
    );
  }
}

async function insertRows(client: pg.ClientBase, workdir: string, manifest: Manifest, targetTables: TableInfo[], batchRows: number, progress: OnProgress): Promise<void> {
  const inArchive = targetTables.filter((t) => manifest.tables.some((m) => m.name === t.name));
  const plan = restorePlan(inArchive);
  const total = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  let done = 0;
  for (const name of plan.order) {
    const entry = manifest.tables.find((t) => t.name === name)!;
    const deferred = new Set(plan.deferred.filter((fk) => fk.table === name).flatMap((fk) => fk.columns));
    const columns = entry.columns.map(quoteIdent).join(", ");
    const info = targetTables.find((t) => t.name === name)!;
    const values = entry.columns
      .map((c) => {
        if (deferred.has(c)) return "NULL";
        const column = info.columns.find((col) => col.name === c)!;
        if (isJsonColumn(column)) return `CASE WHEN (j -> ${pgString(JSON_NULLS_KEY)})::jsonb ? ${pgString(c)} THEN 'null'::${column.type} ELSE r.${quoteIdent(c)} END`;
        return `r.${quoteIdent(c)}`;
      })
      .join(", ");
    // json_populate_record turns each line into a row of the table's own type: PostgreSQL parses every value (enums, arrays, timestamps, JSON) itself.
    const sql = `INSERT INTO ${quoteIdent(name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM json_array_elements($1::json) j CROSS JOIN LATERAL json_populate_record(NULL::${quoteIdent(name)}, j) r`;
    await inBatches(workdir, entry.file, batchRows, async (batch) => {
      await runBatch(client, sql, entry.file, batch);
      done += batch.length;
      progress({ phase: "rows", label: name, done, total });
    });
  }
  // Second pass: the foreign keys that were inserted as NULL to break a cycle.
  for (const fk of plan.deferred) {
    const entry = manifest.tables.find((t) => t.name === fk.table)!;
    const set = fk.columns.map((c) => `${quoteIdent(c)} = r.${quoteIdent(c)}`).join(", ");
    const match = entry.primaryKey.map((c) => `t.${quoteIdent(c)} = r.${quoteIdent(c)}`).join(" AND ");
    const sql = `UPDATE ${quoteIdent(fk.table)} t SET ${set} FROM json_populate_recordset(NULL::${quoteIdent(fk.table)}, $1::json) r WHERE ${match}`;
    await inBatches(workdir, entry.file, batchRows, async (batch) => {
      const withValue = batch.filter((line) => fk.columns.some((c) => (JSON.parse(line.text) as Record<string, unknown>)[c] != null));
      if (withValue.length > 0) await runBatch(client, sql, entry.file, withValue);
    });
  }
}

async function inBatches(workdir: string, file: string, batchRows: number, run: (batch: NdjsonLine[]) => Promise<void>): Promise<void> {
  let batch: NdjsonLine[] = [];
  let bytes = 0;
  for await (const line of new NdjsonReader(path.join(workdir, file))) {
    batch.push(line);
    bytes += line.text.length;
    if (batch.length >= batchRows || bytes >= BATCH_BYTES) {
      await run(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length > 0) await run(batch);
}

/** One statement for the batch; when PostgreSQL refuses it, the rows are tried one by one to name the line at fault. */
async function runBatch(client: pg.ClientBase, sql: string, file: string, batch: NdjsonLine[]): Promise<void> {
  const json = (lines: NdjsonLine[]) => `[${lines.map((l) => l.text).join(",")}]`;
  await client.query("SAVEPOINT restore_batch");
  try {
    await client.query(sql, [json(batch)]);
    await client.query("RELEASE SAVEPOINT restore_batch");
    return;
  } catch (error) {
    await client.query("ROLLBACK TO SAVEPOINT restore_batch");
    for (const line of batch) {
      try {
        await client.query(sql, [json([line])]);
      } catch (rowError) {
        throw invalid(`${file} line ${line.lineNo}: ${describePgError(rowError)}.`);
      }
    }
    throw invalid(`${file} lines ${batch[0]!.lineNo}–${batch.at(-1)!.lineNo}: ${describePgError(error)}.`);
  }
}

function describePgError(error: unknown): string {
  const e = error as { message?: string; detail?: string; column?: string };
  return [e.column ? `field "${e.column}": ` : "", e.message ?? String(error), e.detail ? ` (${e.detail})` : ""].join("");
}

/** Serial and identity columns continue after the restored ids. */
async function resetSequences(client: pg.ClientBase, tables: TableInfo[]): Promise<void> {
  for (const table of tables) {
    for (const { column, sequence } of table.sequences) {
      await client.query(`SELECT setval($1::regclass, COALESCE(m.v, 1), m.v IS NOT NULL) FROM (SELECT max(${quoteIdent(column)}) AS v FROM ${quoteIdent(table.name)}) m`, [sequence]);
    }
  }
}

async function putMedia(workdir: string, media: MediaEntry[], storage: MediaStorage, progress: OnProgress): Promise<void> {
  let done = 0;
  for (const entry of media) {
    const data = await fs.readFile(path.join(workdir, entry.file));
    try {
      await storage.put(entry.key, data, entry.contentType);
    } catch (error) {
      if (error instanceof StorageUnavailableError) {
        throw new AppError("UNAVAILABLE", `Image storage is unavailable (${error.message}), so nothing was restored: check it and run the restore again.`);
      }
      throw error;
    }
    done += 1;
    progress({ phase: "media", label: "images", done, total: media.length });
  }
}
