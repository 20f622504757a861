import type { z } from "zod";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";

/** Parses a use case's input; bad input is an INVALID AppError with field errors (never a 500). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, message = "Please correct the highlighted fields."): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsFromZod(parsed.error.issues);
    const first = parsed.error.issues[0]?.message;
    throw new AppError("INVALID", Object.keys(fieldErrors).length === 1 && first ? first : message, fieldErrors);
  }
  return parsed.data;
}
