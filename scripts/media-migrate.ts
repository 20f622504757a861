import path from "node:path";
import { parseArgs } from "node:util";
import { parseEnv } from "@/lib/env";
import { copyLocalMedia } from "@/lib/media/copy-local-media";
import { S3MediaStorage } from "@/lib/media/s3-storage";
import { storageFromEnv, StorageUnavailableError } from "@/lib/media/storage";
import { reportFatal, step } from "./cli";

/**
 * `npm run media:migrate [-- --from <folder>]`: copies the local uploads
 * (UPLOAD_DIR, or --from) into the S3 bucket configured by S3_*: originals
 * and resized copies, same keys, so every /media/… address keeps working.
 * Resumable: what is already in the bucket with the same size is skipped.
 * The local files are left in place; delete them yourself once the app runs on the bucket.
 */
const USAGE = "usage: S3_BUCKET=… S3_REGION=… S3_ACCESS_KEY_ID=… S3_SECRET_ACCESS_KEY=… npm run media:migrate [-- --from <folder>]";

async function main() {
  let values;
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" } }, strict: true }));
  } catch (error) {
    console.error(`error: ${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const config = parseEnv(process.env);
  if (!config.S3_BUCKET) {
    console.error(`error: S3_BUCKET is not set, so there is no bucket to copy the uploads into.\n${USAGE}`);
    process.exit(2);
  }
  const sourceDir = path.resolve(values.from ?? config.UPLOAD_DIR);
  const target = storageFromEnv(config);
  step(`copying ${sourceDir} → bucket ${config.S3_BUCKET}${config.S3_ENDPOINT ? ` at ${config.S3_ENDPOINT}` : ""}`);
  try {
    const report = await copyLocalMedia({ sourceDir, target, log: step });
    for (const key of report.ignored) step(`ignored (not an upload): ${key}`);
    step(`done: ${report.found} files, ${report.copied} copied, ${report.skipped} already in the bucket${report.ignored.length ? `, ${report.ignored.length} ignored` : ""}`);
  } catch (error) {
    if (error instanceof StorageUnavailableError) {
      console.error(`error: ${error.message}`);
      console.error("fix: check the bucket and the S3_* settings, then run `npm run media:migrate` again: it resumes where it stopped.");
      process.exit(1);
    }
    throw error;
  } finally {
    if (target instanceof S3MediaStorage) target.destroy();
  }
}
main().catch(reportFatal);
