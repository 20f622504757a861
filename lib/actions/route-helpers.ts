import "server-only";
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/authz/permissions";
import { AppError, HTTP_STATUS, isAppError, toUserMessage } from "@/lib/errors";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/http/same-origin";

/**
 * Route handlers that change state: same-origin only (lib/http/same-origin.ts;
 * the session cookie is SameSite=Lax already, this also refuses cross-site
 * fetches), a signed-in actor, and AppErrors mapped to JSON with the right
 * status. Unexpected errors are logged and answered with a generic message.
 */
export async function withActor(request: Request, run: (actor: Actor) => Promise<Response>): Promise<Response> {
  try {
    if (!isSameOriginRequest(request.headers, env().SITE_URL)) throw new AppError("FORBIDDEN", "Cross-site requests are not allowed.");
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again; your text is kept in this browser.");
    return await run(actor);
  } catch (error) {
    return errorResponse(error);
  }
}

export function errorResponse(error: unknown): Response {
  if (isAppError(error)) {
    return NextResponse.json(
      { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors, details: error.details },
      { status: HTTP_STATUS[error.code], headers: { "Cache-Control": "no-store" } },
    );
  }
  console.error("[broadsheet] unexpected error in a route handler", error);
  return NextResponse.json({ ok: false, code: "UNEXPECTED", error: toUserMessage(error) }, { status: 500, headers: { "Cache-Control": "no-store" } });
}

export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.");
  }
}
