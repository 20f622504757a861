import { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * PostgreSQL's text type cannot hold U+0000: a NUL that reaches a query is a
 * database error (a 500), not the user's mistake it is. Other C0 controls
 * (except tab, newline, carriage return) have no meaning in a title, a name or
 * a search either.
 */
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const UNSTORABLE_ALL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

export const UNSTORABLE_TEXT_MESSAGE = "Remove the invisible control characters from this field.";

export function hasUnstorableText(value: string): boolean {
  return UNSTORABLE.test(value);
}

/** The names of the fields (dotted paths) whose text contains a control character. */
function unstorableFields(value: unknown, path: string, found: string[], depth = 0): void {
  if (depth > 20 || found.length > 20) return;
  if (typeof value === "string") {
    if (UNSTORABLE.test(value)) found.push(path || "input");
  } else if (Array.isArray(value)) {
    for (const item of value) unstorableFields(item, path, found, depth + 1);
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) found.push(path || "input");
      unstorableFields(item, path ? `${path}.${key}` : key, found, depth + 1);
    }
  }
}

/**
 * Refuses input (a parsed JSON body, a form) with control characters anywhere,
 * as a 400 naming the fields. Called by the adapters (actions, forms, route
 * handlers) before any use case sees the input, so no use case has to remember.
 */
export function assertStorableText(input: unknown): void {
  const found: string[] = [];
  unstorableFields(input, "", found);
  if (!found.length) return;
  const fields = [...new Set(found)];
  throw new AppError("INVALID", UNSTORABLE_TEXT_MESSAGE, Object.fromEntries(fields.map((field) => [field, [UNSTORABLE_TEXT_MESSAGE]])));
}

/**
 * A free-text filter from the address bar (`?q=`): control characters are
 * dropped (nobody types them; a crafted link must not turn a list into an
 * error page), length bounded, empty means no filter.
 */
export const filterText = z
  .string()
  .transform((value) => value.replace(UNSTORABLE_ALL, "").trim().slice(0, 200) || undefined)
  .optional()
  .catch(undefined);

/** A list page from the address bar (`?page=`): a positive whole number up to `max`, else page 1. */
export const pageNumber = (max = 10_000) => z.coerce.number().int().min(1).max(max).catch(1).default(1);

/** `YYYY-MM-DD` that is a real calendar day (2026-13-45 is not), else no filter. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => {
    const date = new Date(`${value}T00:00:00.000Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  })
  .optional()
  .catch(undefined);

/**
 * Could this address segment (a slug, a username) name a stored row? Lookups
 * answer "not found" for anything else instead of sending it to the database.
 */
export function isLookupKey(value: string): boolean {
  return value.length > 0 && value.length <= 200 && !UNSTORABLE.test(value);
}
