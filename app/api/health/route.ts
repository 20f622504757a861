import { NextResponse } from "next/server";
import { currentBuildId, databaseIsReachable } from "@/lib/health";

export const dynamic = "force-dynamic";

/** For load balancers and the e2e runner: 200 when the app can reach its database, and which build it serves. */
export async function GET() {
  const ok = await databaseIsReachable();
  return NextResponse.json({ ok, buildId: currentBuildId() }, { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
