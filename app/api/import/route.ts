import { NextResponse } from "next/server";
import { readFormDataWithLimit, withActor } from "@/lib/actions/route-helpers";
import { assertCan } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { startImport } from "@/lib/import/start-import";

export const dynamic = "force-dynamic";

async function fileField(form: FormData, name: string) {
  const value = form.get(name);
  if (!(value instanceof File) || value.size === 0) return null;
  return { name: value.name, data: Buffer.from(await value.arrayBuffer()) };
}

/** POST multipart/form-data: format, file, media (optional), pages, dryRun → { runId } (202); the import runs in the background. */
export async function POST(request: Request) {
  return withActor(request, async (actor) => {
    assertCan(actor, "site.import");
    const megabytes = env().IMPORT_MAX_MB;
    const form = await readFormDataWithLimit(request, megabytes * 1048576 + 64 * 1024, (bytes) => {
      const message = `The upload is too large (at least ${(bytes / 1048576).toFixed(1)} MB); the limit is ${megabytes} MB (IMPORT_MAX_MB). Larger sites: npm run import on the server.`;
      return new AppError("INVALID", message, { file: [message] });
    });
    const { runId } = await startImport({
      actor,
          input: { format: String(form.get("format") ?? ""), pages: form.get("pages") === "on", dryRun: form.get("dryRun") === "on" },
      exportFile: await fileField(form, "file"),
      mediaFile: await fileField(form, "media"),
    });
    return NextResponse.json({ ok: true, runId }, { status: 202, headers: { "Cache-Control": "no-store" } });
  });
}
