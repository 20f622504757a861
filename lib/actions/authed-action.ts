import "server-only";
import { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { assertCan, type Action, type Actor } from "@/lib/authz/permissions";
import { assertStorableText } from "@/lib/validation/text";
import { AppError, fieldErrorsFromZod, isAppError, toUserMessage, type AppErrorCode, type FieldErrors } from "@/lib/errors";

/**
 * The one wrapper for server actions (STYLE.md item 7): resolves the actor,
 * rejects anonymous callers, parses the input with zod and maps errors to a
 * result the form can show. Authorization itself stays in the lib/ use case
 * the action calls; this wrapper only guarantees there is an actor.
 */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: AppErrorCode | "UNEXPECTED"; error: string; fieldErrors?: FieldErrors; details?: unknown };

export function actionError(error: unknown): Extract<ActionResult<never>, { ok: false }> {
  if (isAppError(error)) return { ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors, details: error.details };
  console.error("[broadsheet] unexpected error in a server action", error);
  return { ok: false, code: "UNEXPECTED", error: toUserMessage(error) };
}

export function authedAction<S extends z.ZodType, T>(
  schema: S,
  run: (actor: Actor, input: z.output<S>) => Promise<T>,
  options: { permission?: Action } = {},
) {
  return async (raw: z.input<S>): Promise<ActionResult<T>> => {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again; your text is kept in this browser.");
      if (options.permission) assertCan(actor, options.permission);
      assertStorableText(raw);
      const parsed = schema.safeParse(raw);
      if (!parsed.success) throw new AppError("INVALID", "Please correct the highlighted fields.", fieldErrorsFromZod(parsed.error.issues));
      return { ok: true, data: await run(actor, parsed.data) };
    } catch (error) {
      // redirect(), notFound() and friends are control flow, not failures.
      unstable_rethrow(error);
      return actionError(error);
    }
  };
}
