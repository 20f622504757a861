import "server-only";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { IMPORT_FORMATS, type ImportFormatName } from "@/lib/import/formats";
import { openMediaSource, type MediaSource } from "@/lib/import/media-source";
import { ImportFileError } from "@/lib/import/model";
import type { Prisma } from "@/generated/prisma/client";

export const startImportInput = z.object({
  format: z.enum(Object.keys(IMPORT_FORMATS) as [ImportFormatName, ...ImportFormatName[]], { message: "Choose what the file was exported from." }),
  pages: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

type UploadedFile = { name: string; data: Buffer };

/**
 * /admin/import: keeps the uploaded export (and media archive) in a temporary
 * folder, records an ImportRun and runs the import in this process, in the
 * background; the page follows the run's row (phase, done, total, report).
 * In-process rather than on the job queue: the files are on this instance's
 * disk, and a job may be picked up by another instance. If the process stops
 * mid-way the run stays "running" and is shown as interrupted; uploading the
 * same file again resumes it (imports are idempotent).
 */
export async function startImport({ actor, input, exportFile, mediaFile }: { actor: Actor; input: Record<string, unknown>; exportFile: UploadedFile | null; mediaFile: UploadedFile | null }): Promise<{ runId: string; done: Promise<void> }> {
  assertCan(actor, "site.import");
  const parsed = startImportInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Please correct the highlighted fields.", fieldErrorsFromZod(parsed.error.issues));
  if (!exportFile || exportFile.data.length === 0) throw new AppError("INVALID", "Choose the export file.", { file: ["Choose the export file."] });
  const { format, pages, dryRun } = parsed.data;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "broadsheet-import-"));
  // Names from the browser are only shown, never used as paths.
  const exportPath = path.join(dir, `export${format === "ghost" ? ".json" : ".xml"}`);
  await fsp.writeFile(exportPath, exportFile.data);
  let mediaPath: string | null = null;
  if (mediaFile && mediaFile.data.length > 0) {
    mediaPath = path.join(dir, "media-archive");
    await fsp.writeFile(mediaPath, mediaFile.data);
  }
  const fileName = exportFile.name.slice(0, 200) || "export";
  const run = await db().importRun.create({ data: { format, fileName, status: "queued", dryRun, startedById: actor.id }, select: { id: true } });

  const done = (async () => {
    let media: MediaSource | null = null;
    try {
      if (mediaPath) media = await openMediaSource(mediaPath);
      await IMPORT_FORMATS[format].run({ actor, file: exportPath, fileName, dryRun, media, pages, runId: run.id });
    } catch (error) {
      // runImport marks its own failures; a file that could not be read fails before it starts.
      const message = error instanceof ImportFileError || error instanceof AppError ? error.message : "The import stopped because of an unexpected error; nothing after the last finished batch was changed. Try again: what was imported is kept and not duplicated.";
      if (!(error instanceof ImportFileError || error instanceof AppError)) console.error("[import] unexpected failure", error);
      await db()
        .importRun.update({ where: { id: run.id }, data: { status: "failed", error: message, finishedAt: new Date() } })
        .catch(() => undefined);
    } finally {
      await media?.close().catch(() => undefined);
      await fsp.rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  })();
  return { runId: run.id, done };
}

export type ImportRunView = {
  id: string;
  format: string;
  fileName: string;
  dryRun: boolean;
  status: string;
  phase: string;
  done: number;
  total: number;
  error: string | null;
  report: Prisma.JsonValue | null;
  createdAt: string;
  finishedAt: string | null;
};

const runSelect = { id: true, format: true, fileName: true, dryRun: true, status: true, phase: true, done: true, total: true, error: true, report: true, createdAt: true, finishedAt: true } as const;

function view(run: Prisma.ImportRunGetPayload<{ select: typeof runSelect }>): ImportRunView {
  return { ...run, createdAt: run.createdAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null };
}

export async function getImportRun(actor: Actor, id: string): Promise<ImportRunView> {
  assertCan(actor, "site.import");
  const run = await db().importRun.findUnique({ where: { id: id.slice(0, 64) }, select: runSelect });
  if (!run) throw new AppError("NOT_FOUND", "That import does not exist.");
  return view(run);
}

export async function listImportRuns(actor: Actor): Promise<ImportRunView[]> {
  assertCan(actor, "site.import");
  const runs = await db().importRun.findMany({ orderBy: { createdAt: "desc" }, take: 20, select: { ...runSelect, report: false } });
  return runs.map((r) => view({ ...r, report: null }));
}
