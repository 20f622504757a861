import "server-only";
import { z } from "zod";
import type { Action, Actor } from "@/lib/authz/permissions";
import type { FieldErrors } from "@/lib/errors";
import { authedAction } from "@/lib/actions/authed-action";

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

export { formList } from "@/lib/validation/form-fields";

type Result = void | { message?: string; data?: Record<string, string> };

/**
 * Form actions (useActionState) on top of the one action wrapper,
 * `authedAction`: it resolves the actor (anonymous callers are refused),
 * checks the coarse permission, parses input with zod and maps errors; this
 * only adapts FormData in and the form's state out. Domain functions still
 * check everything themselves.
 */
export function formAction<S extends z.ZodType>(
  options: { permission: Action; schema: S },
  handler: (actor: Actor, input: z.output<S>) => Promise<Result>,
): (previous: ActionState, formData: FormData) => Promise<ActionState> {
  const run = authedAction(options.schema, handler, { permission: options.permission });
  return async (_previous, formData) => {
    const result = await run(formDataToObject(formData) as z.input<S>);
    if (result.ok) return { ok: true, message: result.data?.message ?? "Done.", data: result.data?.data };
    return { ok: false, message: result.error, fieldErrors: result.fieldErrors };
  };
}
