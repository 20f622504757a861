import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";

export const dynamic = "force-dynamic";

export async function GET() {
  const actor = await getActor();
  const body = actor
    ? { displayName: actor.displayName, canWrite: can(actor, "dashboard.access"), canModerate: can(actor, "review.access") || can(actor, "comment.moderate") }
    : null;
  return NextResponse.json(body, { headers: { "Cache-Control": "private, no-store" } });
}
