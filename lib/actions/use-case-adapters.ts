import "server-only";
import type { z } from "zod";
import { NextResponse } from "next/server";
import { unstable_rethrow } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { assertStorableText } from "@/lib/validation/text";
import { revalidateForReaders } from "@/lib/cache/revalidate";
import type { UseCase } from "@/lib/use-case";
import { actionError, type ActionResult } from "@/lib/actions/authed-action";
import { errorResponse, readJson } from "@/lib/actions/route-helpers";
import { formDataToObject, type ActionState, type FormFields } from "@/lib/actions/form-action";

/**
 * The one adapter from a use case (lib/use-case.ts) to a server action, a
 * form action or a route handler. Each: resolves the actor (anonymous callers
 * get UNAUTHENTICATED), refuses text that cannot be stored, parses once with
 * the use case's own schema, checks its permission, runs it, expires exactly
 * the public pages its effect names, and maps errors (AppError → its code;
 * anything else is logged and answered with a generic message).
 */

type AnyUseCase<R> = UseCase<z.ZodType, R>;
export type Resolve = () => Promise<Actor | null>;

/** Runs a use case for a raw input on behalf of the current actor, then revalidates from its effect. */
export async function runForActor<R>(useCase: AnyUseCase<R>, raw: unknown, resolveActor: Resolve = getActor): Promise<{ actor: Actor; result: R }> {
  const actor = await resolveActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again; your text is kept in this browser.");
  assertStorableText(raw);
  const { result, effect } = await useCase.execute({ actor, input: raw });
  revalidateForReaders(effect);
  return { actor, result };
}

type AdapterOptions<R, O> = {
  /** What the caller gets back (dates as strings, no internals). */
  present?: (result: R, actor: Actor) => O;
  /** Extra work after success, e.g. revalidatePath of a signed-in page. */
  after?: (result: R, actor: Actor) => void;
  /** For tests: who is acting (default: the session's actor). */
  actor?: Resolve;
};

/** A server action called from client code with a plain object (or a FormData with files); answers an ActionResult. */
export function serverAction<S extends z.ZodType, R, O = R>(useCase: UseCase<S, R>, options: AdapterOptions<R, O> = {}) {
  return async (raw: z.input<S> | FormData): Promise<ActionResult<O>> => {
    try {
      const input = raw instanceof FormData ? formDataToObject(raw) : raw;
      const { actor, result } = await runForActor(useCase as AnyUseCase<R>, input, options.actor);
      options.after?.(result, actor);
      return { ok: true, data: options.present ? options.present(result, actor) : (result as unknown as O) };
    } catch (error) {
      // redirect(), notFound() and friends are control flow, not failures.
      unstable_rethrow(error);
      return actionError(error);
    }
  };
}

type FormResult = void | { message?: string; data?: Record<string, string> };

/** A form action (components/form.tsx): FormData in (files included), ActionState out. */
export function formAction<S extends z.ZodType, R>(
  useCase: UseCase<S, R>,
  options: Omit<AdapterOptions<R, never>, "present"> & { message?: string | ((result: R) => FormResult); fromForm?: (fields: FormFields) => unknown } = {},
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    try {
      const fields = formDataToObject(formData);
      const { actor, result } = await runForActor(useCase as AnyUseCase<R>, options.fromForm ? options.fromForm(fields) : fields, options.actor);
      options.after?.(result, actor);
      const outcome = typeof options.message === "function" ? options.message(result) : { message: options.message };
      return { ok: true, message: outcome?.message ?? "Done.", data: outcome?.data };
    } catch (error) {
      unstable_rethrow(error);
      const failure = actionError(error);
      return { ok: false, message: failure.error, fieldErrors: failure.fieldErrors };
    }
  };
}

/**
 * A route handler for a state change: same-origin only (lib/http/same-origin.ts),
 * JSON body (or `input` from the request), answered as JSON with `status`.
 */
export function routeHandler<S extends z.ZodType, R, C = unknown>(
  useCase: UseCase<S, R>,
  options: AdapterOptions<R, unknown> & { input?: (request: Request, context: C) => Promise<unknown>; status?: number } = {},
) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      if (!isSameOriginRequest(request.headers, env().SITE_URL)) throw new AppError("FORBIDDEN", "Cross-site requests are not allowed.");
      // Who is asking, and may they at all, before reading a body that may be large (an upload).
      const caller = await (options.actor ?? getActor)();
      if (caller && useCase.permission) assertCan(caller, useCase.permission);
      const raw = options.input ? await options.input(request, context) : await readJson(request);
      const { actor, result } = await runForActor(useCase as AnyUseCase<R>, raw, async () => caller);
      options.after?.(result, actor);
      const body = options.present ? options.present(result, actor) : result;
      return NextResponse.json({ ok: true, ...(body as object) }, { status: options.status ?? 200, headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
