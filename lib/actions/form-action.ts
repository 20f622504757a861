import "server-only";
import type { FieldErrors } from "@/lib/errors";

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
