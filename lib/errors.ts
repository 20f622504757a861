/**
 * The one error type the domain throws for expected failures. Codes are a small
 * closed set; `toUserMessage` never reveals an unexpected error's text.
 */
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "INVALID" | "RATE_LIMITED" | "UNAVAILABLE";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 422,
  RATE_LIMITED: 429,
  // A service we depend on (the media bucket) is down: nothing was changed, trying again later may work.
  UNAVAILABLE: 503,
};

export type FieldErrors = Record<string, string[] | undefined>;

export class AppError extends Error {
  constructor(
    public readonly code: AppErrorCode,
    message: string,
    public readonly fieldErrors?: FieldErrors,
    /** Safe, structured data for the client (e.g. the current version on a CONFLICT). */
    public readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

export function toUserMessage(error: unknown): string {
  if (isAppError(error)) return error.message;
  return "Something went wrong on our side. Your changes are kept here; please try again.";
}

/** zod issues → { field: [messages] } for forms. */
export function fieldErrorsFromZod(issues: { path: PropertyKey[]; message: string }[]): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    (result[key] ??= []).push(issue.message);
  }
  return result;
}
