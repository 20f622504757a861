import "server-only";
import { NextResponse } from "next/server";
import { getActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/authz/permissions";
import { assertStorableText } from "@/lib/validation/text";
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

/** The body as JSON; not JSON, or text that cannot be stored (U+0000), is a 400. */
export async function readJson(request: Request): Promise<unknown> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError("INVALID", "The request body is not valid JSON.");
  }
  assertStorableText(body);
  return body;
}

/**
 * A multipart body read with a byte limit while it streams: a chunked upload
 * (no Content-Length) is cut off as soon as it passes `maxBytes`, instead of
 * being buffered whole before anyone looks at its size.
 */
export async function readFormDataWithLimit(request: Request, maxBytes: number, tooLarge: (bytes: number) => AppError): Promise<FormData> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared);
  if (!request.body) throw new AppError("INVALID", "The request has no body.");
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(received);
    }
    chunks.push(value);
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new AppError("INVALID", "The upload is not a valid form.");
  }
}
