import type { FieldErrors } from "@/components/editor/types";

/** The server's message under a field; its id is what `describedBy` points the field at. */
export function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  const messages = errors[name];
  if (!messages?.length) return null;
  return (
    <p className="field-error" id={`${name}-error`}>
      {messages.join(" ")}
    </p>
  );
}

export function describedBy(errors: FieldErrors, name: string, extra?: string): string | undefined {
  return [errors[name]?.length ? `${name}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;
}
