import "server-only";
import type { Actor } from "@/lib/authz/permissions";
import { readWordPress } from "@/lib/import/wordpress";
import { readGhost } from "@/lib/import/ghost";
import { runImport, type ImportProgress, type ImportReport } from "@/lib/import/run-import";
import type { MediaSource } from "@/lib/import/media-source";

/**
 * The formats `npm run import -- <format> <file>` and /admin/import accept.
 * Each entry reads its file and runs the import; adding a format is one line
 * here (its `run` may use runImport with its own reader, or anything else
 * that returns an ImportReport).
 */
export type ImportContext = {
  actor: Actor;
  file: string;
  fileName: string;
  dryRun: boolean;
  media: MediaSource | null;
  /** WordPress: import pages too (as posts in a "Pages" section). */
  pages: boolean;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Set by /admin/import, which made the ImportRun row to show progress. */
  runId?: string;
};

export type ImportFormat = { label: string; accept: string; run: (context: ImportContext) => Promise<ImportReport> };

export const IMPORT_FORMATS = {
  wordpress: { label: "WordPress export (WXR .xml)", accept: ".xml", run: async (c) => runImport({ ...c, bundle: await readWordPress(c.file, { pages: c.pages }) }) },
  ghost: { label: "Ghost export (.json)", accept: ".json", run: async (c) => runImport({ ...c, bundle: await readGhost(c.file) }) },
} satisfies Record<string, ImportFormat>;

export type ImportFormatName = keyof typeof IMPORT_FORMATS;

export function isImportFormat(name: string): name is ImportFormatName {
  return Object.hasOwn(IMPORT_FORMATS, name);
}
