import { PassThrough, Readable } from "node:stream";
import { withActor } from "@/lib/actions/route-helpers";
import { assertCan } from "@/lib/authz/permissions";
import { exportSite } from "@/lib/export/export-site";

export const dynamic = "force-dynamic";

/**
 * POST (the form on /admin/export): the site archive as a download, streamed
 * as it is packed. POST, same-origin only (withActor), so no link or image on
 * another site can start an export.
 */
export async function POST(request: Request) {
  return withActor(request, async (actor) => {
    // Refuse with a 403 before the download starts; exportSite checks again.
    assertCan(actor, "site.export");
    const body = new PassThrough();
    exportSite({ actor, output: body }).catch((error: unknown) => {
      console.error("[broadsheet] the export download failed", error);
      body.destroy(error instanceof Error ? error : new Error(String(error)));
    });
    const stamp = new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": "application/gzip",
        "Content-Disposition": `attachment; filename="broadsheet-export-${stamp}.tar.gz"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
