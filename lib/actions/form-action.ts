import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { getActor } from "@/lib/auth/session";
import { assertCan, type Action, type Actor } from "@/lib/authz/permissions";
import { fieldErrorsFromZod, isAppError, toUserMessage, type FieldErrors } from "@/lib/errors";

/** What every form-backed server action returns to its form (see components/admin-form.tsx). */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** Extra data for the form on success (e.g. a one-time link to show once). */
  data?: Record<string, string>;
} | null;

/** FormData → plain object; a key sent more than once (checkboxes) becomes an array. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION")) continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

/** A form field that may arrive once (string) or several times (array). */
export const formList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

type Result = void | { message?: string; data?: Record<string, string> };

/**
 * The one wrapper for form actions: resolves the actor (anonymous callers are
 * refused), checks the coarse permission, parses input with zod and maps
 * errors. Domain functions still check everything themselves; this only
 * makes forgetting the first line impossible. Unexpected errors are logged,
 * never shown.
 */
export function formAction<S extends z.ZodType>(
  options: { permission: Action; schema: S },
  handler: (actor: Actor, input: z.output<S>) => Promise<Result>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  return async (_previous, formData) => {
    try {
      const actor = await getActor();
      assertCan(actor, options.permission);
      const parsed = options.schema.safeParse(formDataToObject(formData));
      if (!parsed.success) {
        return { ok: false, message: "Please correct the highlighted fields.", fieldErrors: fieldErrorsFromZod(parsed.error.issues) };
      }
      const result = await handler(actor, parsed.data);
      return { ok: true, message: result?.message ?? "Done.", data: result?.data };
    } catch (error) {
      unstable_rethrow(error);
      if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
      console.error("Server action failed", { permission: options.permission, error });
      return { ok: false, message: toUserMessage(error) };
    }
  };
}
