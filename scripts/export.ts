import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { AppError } from "@/lib/errors";
import { closeCommandResources, reportFatal, step } from "./cli";
import { formatBytes, terminalProgress } from "./progress";

/**
 * `npm run export [-- --output <file.tar.gz>]`: the whole site in one archive
 * (lib/export/README.md): content, users without password hashes, taxonomy,
 * comments, redirects, settings, the audit log and every image. Safe while the
 * site runs: it reads one consistent snapshot and, with the embedded
 * database, uses the running server without stopping it.
 */
const USAGE = "usage: npm run export [-- --output <file.tar.gz>]";

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { output: { type: "string", short: "o" } }, strict: true }));
  } catch (error) {
    throw new AppError("INVALID", `${(error as Error).message}\n${USAGE}`);
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
  const output = path.resolve(values.output ?? `broadsheet-export-${stamp}.tar.gz`);
  if (fs.existsSync(output)) throw new AppError("CONFLICT", `${output} already exists: choose another --output (an export never overwrites a file).`);

  const prepared = await prepareDatabase({ log: () => undefined, seed: "never", requireAuthSecret: false, purpose: "command" });
  const progress = terminalProgress();
  try {
    const { exportSite, OPERATOR } = await import("@/lib/export/export-site");
    step(`exporting to ${output}`);
    const report = await exportSite({ actor: OPERATOR, output, onProgress: progress.onProgress });
    progress.stop();
    for (const table of report.tables) step(`  ${table.name.padEnd(20)} ${table.rows} rows`);
    step(`  images               ${report.mediaFiles} files, ${formatBytes(report.mediaBytes)}`);
    for (const key of report.missingMedia) step(`  warning: image ${key} has a row but no file in storage; exported without it`);
    step(`done: ${output} (${formatBytes(report.archiveBytes)}, schema ${report.schemaVersion}); recorded in the audit log as site.export`);
    step("users are exported without passwords: after a restore they choose one through \"Forgot password?\" (README, Backup and restore)");
  } finally {
    progress.stop();
    await closeCommandResources(prepared, { storage: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => reportFatal(error),
);
