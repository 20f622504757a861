import { NextResponse } from "next/server";
import { readiness } from "@/lib/health";

export const dynamic = "force-dynamic";

/** Readiness for load balancers: 200 when every dependency answers, else 503; JSON per check (lib/health.ts). */
export async function GET() {
  const report = await readiness();
  return NextResponse.json(report, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
