import fsp from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { AppError } from "@/lib/errors";
import { ImportFileError } from "@/lib/import/model";
import type { ImportReport } from "@/lib/import/run-import";
import { closeCommandResources, reportFatal, step } from "./cli";

/**
 * `npm run import -- <format> <export file> [--media <folder or archive>] [--dry-run] [--pages] [--as <admin>] [--report <file.json>]`
 * Imports a WordPress (WXR) or Ghost (JSON) export: see README.md, "Moving
 * from WordPress or Ghost". The formats are the table in lib/import/formats.ts.
 * `npm run import -- broadsheet <archive.tar.gz>` restores a Broadsheet export
 * into an empty instance instead ("Backup and restore").
 */
const USAGE =
  "usage: npm run import -- <wordpress|ghost> <export file> [--media <uploads folder, .zip or .tar.gz>] [--dry-run] [--pages] [--as <admin email or username>] [--report <report.json>]\n       npm run import -- broadsheet <archive.tar.gz> [--dry-run] [--password-link <email>]";

function fatalUsage(message: string): never {
  console.error(`error: ${message}\n${USAGE}`);
  process.exit(2);
}

export function printReport(report: ImportReport, log: (line: string) => void = console.log): void {
  const c = report.counts;
  const verb = report.dryRun ? "would import" : "imported";
  log(`${report.dryRun ? "Dry run (nothing was changed)" : "Import finished"}: ${report.format} ${report.fileName} in ${(report.durationMs / 1000).toFixed(1)} s`);
  log(`  posts:      ${c.posts.created} ${verb} (${(["PUBLISHED", "SCHEDULED", "IN_REVIEW", "DRAFT"] as const).filter((s) => c.posts.byStatus[s]).map((s) => `${c.posts.byStatus[s]} ${s.toLowerCase().replace("_", " ")}`).join(", ") || "none"}), ${c.posts.existing} already here`);
  log(`  authors:    ${c.users.created} ${verb}, ${c.users.existing} already here`);
  log(`  commenters: ${c.commenters.created} ${verb}, ${c.commenters.existing} already here`);
  log(`  comments:   ${c.comments.created} ${verb}, ${c.comments.existing} already here`);
  log(`  sections:   ${c.sections.created} ${verb}, ${c.sections.existing} already here; tags: ${c.tags.created} ${verb}, ${c.tags.existing} already here`);
  log(`  images:     ${c.media.uploaded} ${report.dryRun ? "would be uploaded" : "uploaded"}, ${c.media.existing} already here, ${c.media.missing} missing, ${c.media.rejected} refused`);
  log(`  old URLs:   ${c.redirects.created} ${report.dryRun ? "would be mapped" : "mapped"}, ${c.redirects.existing} already mapped${c.redirects.conflicting ? `, ${c.redirects.conflicting} already mapped elsewhere (kept)` : ""}`);
  if (report.skipped.length) {
    log(`  skipped (${report.skipped.length}):`);
    for (const s of report.skipped.slice(0, 40)) log(`    - ${s.kind} ${s.sourceId} “${s.title}”: ${s.reason}`);
    if (report.skipped.length > 40) log(`    … ${report.skipped.length - 40} more (see --report)`);
  }
  if (report.missingMedia.length) {
    log(`  images not found in the media folder (${report.missingMedia.length}; posts keep the old address):`);
    for (const url of report.missingMedia.slice(0, 20)) log(`    - ${url}`);
    if (report.missingMedia.length > 20) log(`    … ${report.missingMedia.length - 20} more (see --report)`);
  }
  for (const r of report.rejectedMedia.slice(0, 20)) log(`  image refused: ${r.url}: ${r.reason}`);
  if (report.postNotes.length) {
    log(`  posts with content that could not be kept as is (${report.postNotes.length}):`);
    for (const p of report.postNotes.slice(0, 20)) log(`    - ${p.sourceId} “${p.title}”: ${p.notes.join("; ")}`);
    if (report.postNotes.length > 20) log(`    … ${report.postNotes.length - 20} more (see --report)`);
  }
  for (const n of report.notes) log(`  note: ${n}`);
  for (const r of report.redirectSample.slice(0, 5)) log(`  e.g. ${r.from} → ${r.to}`);
}

async function main() {
  // A Broadsheet archive is restored into an empty instance, not merged into this one (scripts/restore-archive.ts).
  if (process.argv[2] === "broadsheet") {
    const { restoreArchiveCommand } = await import("./restore-archive");
    return restoreArchiveCommand(process.argv.slice(3));
  }
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      strict: true,
      options: { media: { type: "string" }, "dry-run": { type: "boolean" }, pages: { type: "boolean" }, as: { type: "string" }, report: { type: "string" }, "batch-size": { type: "string" } },
    });
  } catch (error) {
    fatalUsage((error as Error).message);
  }
  const [formatName, file, ...extra] = parsed.positionals;
  if (!formatName || !file || extra.length) fatalUsage("name a format and one export file.");
  const { IMPORT_FORMATS, isImportFormat } = await import("@/lib/import/formats");
  if (!isImportFormat(formatName)) fatalUsage(`unknown format "${formatName}": use ${[...Object.keys(IMPORT_FORMATS), "broadsheet"].join(", ")}.`);
  try {
    await fsp.access(file);
  } catch {
    fatalUsage(`${file} does not exist.`);
  }
  const batchSize = parsed.values["batch-size"] ? Number(parsed.values["batch-size"]) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) fatalUsage("--batch-size takes a positive whole number.");

  const prepared = await prepareDatabase({ log: () => undefined, seed: "never", requireAuthSecret: false, purpose: "command" });
  let media = null;
  try {
    const { db } = await import("@/lib/db");
    // The import is an admin's action (audit log, uploads): --as names one, else the first admin.
    const who = parsed.values.as?.trim().toLowerCase();
    const admin = await db().user.findFirst({
      where: { role: "ADMIN", status: "ACTIVE", ...(who ? { OR: [{ email: who }, { username: who }] } : {}) },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, username: true, displayName: true },
    });
    if (!admin) throw new AppError("INVALID", who ? `No active admin has the email or username "${who}".` : "There is no admin account yet: create one first (npm run user:create -- --role ADMIN …).");
    const { openMediaSource } = await import("@/lib/import/media-source");
    if (parsed.values.media) {
      media = await openMediaSource(parsed.values.media);
      step(`media: ${media.size} files in ${parsed.values.media}`);
    }
    step(`${parsed.values["dry-run"] ? "dry run: " : ""}importing ${file} (${IMPORT_FORMATS[formatName].label}) as ${admin.username}`);
    const tty = process.stderr.isTTY;
    const bar = tty ? new cliProgress.SingleBar({ format: "{phase} [{bar}] {value}/{total} posts | {percentage}% | eta {eta_formatted}", hideCursor: true }, cliProgress.Presets.shades_classic) : null;
    let started = false;
    let lastLogged = -1;
    const report = await IMPORT_FORMATS[formatName].run({
      actor: admin,
      file,
      fileName: path.basename(file),
      dryRun: !!parsed.values["dry-run"],
      media,
      pages: !!parsed.values.pages,
      ...(batchSize ? { batchSize } : {}),
      onProgress: ({ phase, done, total }) => {
        if (bar) {
          if (!started) bar.start(total, done, { phase });
          started = true;
          bar.update(done, { phase });
        } else if (done !== lastLogged) {
          lastLogged = done;
          step(`${phase}: ${done}/${total}`);
        }
      },
    });
    bar?.stop();
    printReport(report);
    if (parsed.values.report) {
      await fsp.writeFile(parsed.values.report, JSON.stringify(report, null, 2));
      step(`full report written to ${parsed.values.report}`);
    }
  } finally {
    await media?.close();
    await closeCommandResources(prepared);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    if (error instanceof ImportFileError) {
      console.error(`error: ${error.message}`);
      console.error("Nothing was imported.");
      process.exit(1);
    }
    reportFatal(error);
  },
);
