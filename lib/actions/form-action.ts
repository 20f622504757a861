import "server-only";
import type { FieldErrors } from "@/lib/errors";
import type { FormFields } from "@/lib/validation/form-fields";

/** What every form-backed server action returns to its form (components/form.tsx shows it: message, field errors, data). */
export type ActionState = {
  ok: boolean;
  message?: string;
  fieldErrors?: FieldErrors;
  /** Extra data for the form on success (e.g. a one-time link to show once). */
  data?: Record<string, string>;
} | null;

/**
 * FormData → plain object; a key sent more than once (checkboxes) becomes an
 * array. Files are kept (the profile's avatar): a file input left empty sends
 * an empty, nameless file, which counts as nothing chosen and is left out.
 */
export function formDataToObject(formData: FormData): FormFields {
  const result: FormFields = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    if (typeof value !== "string" && value.size === 0) continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

export { formList } from "@/lib/validation/form-fields";
export type { FormFields, FormValue } from "@/lib/validation/form-fields";
