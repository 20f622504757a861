import { LocalDirectoryStorage, type MediaStorage } from "@/lib/media/storage";
import { assertSafeKey } from "@/lib/media/storage-key";

const CONTENT_TYPE: Record<string, string> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  gif: "image/gif",
  avif: "image/avif",
};

export type CopyReport = {
  /** Files found under the source folder. */
  found: number;
  copied: number;
  /** Already in the target with the same size (an earlier run copied them). */
  skipped: number;
  /** Files whose names are not storage keys (editor backups, .DS_Store…): left alone. */
  ignored: string[];
};

/**
 * `npm run media:migrate`: copies every file under a local upload folder
 * (originals and their `_variants/`) into another MediaStorage (the bucket),
 * under the same key. An object already there with the same size is skipped,
 * so a run that stopped half-way (bucket down, Ctrl-C) is resumed by running
 * it again, and a finished one copies nothing. Every object is written whole
 * (S3 PUTs are atomic), so a stopped run never leaves half an image. A
 * storage failure stops the run (StorageUnavailableError propagates).
 */
export async function copyLocalMedia({
  sourceDir,
  target,
  log = () => undefined,
  concurrency = 4,
}: {
  sourceDir: string;
  target: MediaStorage;
  log?: (line: string) => void;
  concurrency?: number;
}): Promise<CopyReport> {
  const source = new LocalDirectoryStorage(sourceDir);
  const report: CopyReport = { found: 0, copied: 0, skipped: 0, ignored: [] };
  const keys: string[] = [];
  for (const key of await source.list("")) {
    try {
      assertSafeKey(key);
      keys.push(key);
    } catch {
      report.ignored.push(key);
    }
  }
  report.found = keys.length;
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < keys.length) {
      const key = keys[next++]!;
      const data = await source.get(key);
      if (data && (await target.size(key)) !== data.length) {
        const extension = key.split(".").pop()?.toLowerCase() ?? "";
        await target.put(key, data, CONTENT_TYPE[extension] ?? "application/octet-stream");
        report.copied++;
      } else {
        report.skipped++;
      }
      done++;
      if (done % 50 === 0 || done === keys.length) log(`${done}/${keys.length} files checked (${report.copied} copied, ${report.skipped} already there)`);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, keys.length)) }, () => worker()));
  return report;
}
