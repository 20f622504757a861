import { z } from "zod";

/**
 * An optional `<input type="datetime-local">` value, read as UTC (the admin
 * shows every time in UTC), or a Date from code. Empty → undefined.
 */
export const optionalUtcDateTime = z
  .union([z.date(), z.string().trim()])
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const date = value instanceof Date ? value : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value) ? new Date(`${value}Z`) : new Date(NaN);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a date and time." });
      return z.NEVER;
    }
    return date;
  });
