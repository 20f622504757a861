import { z } from "zod";

/**
 * Input shapes that forms send and direct callers send differently, so one
 * use case schema takes both (the adapters pass a form's fields as they come).
 */

/** A field that may arrive once (string) or several times (array, e.g. checkboxes). */
export const formList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A checkbox: `true`/`false` from code, "on" or nothing from a form. */
export const checkbox = z
  .union([z.boolean(), z.literal("on")])
  .optional()
  .transform((v) => v === true || v === "on");

/** A form field's value as the adapters read it: text, or a chosen file (the profile's avatar). */
export type FormValue = string | File;

/** A form's fields as the adapters read them (lib/actions/form-action.ts formDataToObject): what a use case that parses its own input may also be given. */
export type FormFields = Record<string, FormValue | FormValue[]>;

/** A yes/no that arrives as a boolean (JSON, server actions) or as the text "true"/"false" (a form button's value). */
export const booleanField = z.union([z.boolean(), z.enum(["true", "false"]).transform((value) => value === "true")]);
