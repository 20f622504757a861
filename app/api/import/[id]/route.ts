import { NextResponse } from "next/server";
import { errorResponse } from "@/lib/actions/route-helpers";
import { getActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { getImportRun } from "@/lib/import/start-import";

export const dynamic = "force-dynamic";

/** GET → the run's progress and, once finished, its report (polled by /admin/import). */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
    const run = await getImportRun(actor, (await params).id);
    return NextResponse.json({ ok: true, run }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
