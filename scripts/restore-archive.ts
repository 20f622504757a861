import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { AppError } from "@/lib/errors";
import { closeCommandResources, reportFatal, step } from "./cli";
import { formatBytes, terminalProgress } from "./progress";

/**
 * `npm run import -- broadsheet <archive.tar.gz> [--dry-run] [--password-link <email>]`:
 * restores an archive made by `npm run export` into an empty instance
 * (DATABASE_URL, else the embedded database; migrated here first) and the
 * configured media storage. Everything is checked before anything is written;
 * a bad archive stops naming the file and line at fault and changes nothing.
 * --password-link prints a one-time link to choose a password for that
 * account (archives carry no passwords), e.g. for the first admin.
 */
const USAGE = "usage: npm run import -- broadsheet <archive.tar.gz> [--dry-run] [--password-link <email>]…";

export async function restoreArchiveCommand(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { "dry-run": { type: "boolean" }, "password-link": { type: "string", multiple: true } }, strict: true });
  } catch (error) {
    throw new AppError("INVALID", `${(error as Error).message}\n${USAGE}`);
  }
  const [archive, ...extra] = parsed.positionals;
  if (!archive || extra.length > 0) throw new AppError("INVALID", `Name one archive.\n${USAGE}`);
  const dryRun = parsed.values["dry-run"] === true;
  const links = parsed.values["password-link"] ?? [];
  if (dryRun && links.length > 0) throw new AppError("INVALID", `--password-link needs a real restore, not --dry-run.\n${USAGE}`);

  const prepared = await prepareDatabase({ log: () => undefined, seed: "never", requireAuthSecret: false, purpose: "command" });
  const progress = terminalProgress();
  try {
    const { restoreSiteArchive } = await import("@/lib/export/restore-site-archive");
    step(`${dryRun ? "checking (dry run: nothing is written)" : "restoring"} ${path.resolve(archive)}`);
    const report = await restoreSiteArchive({ archivePath: path.resolve(archive), dryRun, onProgress: progress.onProgress });
    progress.stop();
    step(`archive: ${report.site.name} (${report.site.url}), exported ${report.exportedAt}, schema ${report.schemaVersion}`);
    for (const table of report.tables) step(`  ${table.name.padEnd(20)} ${report.dryRun ? "would restore" : "restored"} ${table.rows} rows`);
    step(`  images               ${report.dryRun ? "would restore" : "restored"} ${report.mediaFiles} files, ${formatBytes(report.mediaBytes)}`);
    for (const key of report.missingMedia) step(`  warning: image ${key} was missing when the site was exported; its row is restored without a file`);
    for (const note of report.notes) step(`  note: ${note}`);
    if (report.dryRun) {
      step("dry run: the archive is sound and this database is empty; nothing was written (a dry run leaves no audit entry, which would make the database non-empty)");
      return;
    }
    step(`done: ${report.rows} rows and ${report.mediaFiles} images restored in one transaction; recorded in the audit log as site.restore; public pages expired`);
    step(`${report.usersWithoutPassword} accounts have no password yet: each chooses one through "Forgot password?" on the sign-in page (mail needs SMTP_URL), or use --password-link <email>`);
    if (links.length > 0) {
      const { issuePasswordLink } = await import("@/lib/export/issue-password-link");
      for (const email of links) {
        const link = await issuePasswordLink({ email });
        step(`password link for ${email} (once, until ${link.expiresAt.toISOString()}): ${link.url}`);
      }
    }
  } finally {
    progress.stop();
    await closeCommandResources(prepared, { storage: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  restoreArchiveCommand(process.argv.slice(2)).then(
    () => process.exit(0),
    (error) => reportFatal(error),
  );
}
