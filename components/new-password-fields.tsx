"use client";

import { Field } from "@/components/form";
import { MIN_PASSWORD_LENGTH, PASSWORD_HELP } from "@/lib/auth/password-rules";

/** A new password and its repetition, with the one rule text (invitation, password reset, profile). */
export function NewPasswordFields({
  name = "password",
  confirmName = "confirm",
  label = "New password",
  confirmLabel = "Repeat the new password",
  idPrefix,
}: {
  name?: string;
  confirmName?: string;
  label?: string;
  confirmLabel?: string;
  idPrefix: string;
}) {
  return (
    <>
      <Field name={name} label={label} help={PASSWORD_HELP}>
        <input id={`${idPrefix}-password`} type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} />
      </Field>
      <Field name={confirmName} label={confirmLabel}>
        <input id={`${idPrefix}-confirm`} type="password" autoComplete="new-password" required />
      </Field>
    </>
  );
}
