import { NextResponse } from "next/server";
import { currentBuildId } from "@/lib/health";

export const dynamic = "force-dynamic";

/**
 * Liveness: 200 while the process serves requests, and which build it serves.
 * No database query: an outage must not get healthy instances restarted.
 * Readiness (database, storage, mail queue) is /api/health/ready.
 */
export function GET() {
  return NextResponse.json({ ok: true, buildId: currentBuildId() }, { headers: { "Cache-Control": "no-store" } });
}
