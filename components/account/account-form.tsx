"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import type { ActionResult } from "@/lib/actions/authed-action";
import type { FieldErrors } from "@/lib/errors";
import { FormError } from "@/components/form-error";

type Values = { displayName: string; username: string; email: string; password: string };

/** Registration and first-admin setup: the same fields, then sign in with them. */
export function AccountForm({
  submit,
  submitLabel,
  redirectTo,
}: {
  submit: (values: Values) => Promise<ActionResult<{ email: string }>>;
  submitLabel: string;
  redirectTo: string;
}) {
  const [values, setValues] = useState<Values>({ displayName: "", username: "", email: "", password: "" });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setFormError(null);
    const result = await submit(values);
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors ?? {});
      setFormError(result.error);
      return;
    }
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!signedIn || signedIn.error) {
      setPending(false);
      // Also what someone sees who registered an email that already has an account (nothing was created).
      setFormError("If this email was new, your account is ready: sign in to continue. If you already had an account, sign in with its password.");
      return;
    }
    window.location.assign(redirectTo);
  }

  const field = (name: keyof Values, label: string, props: React.InputHTMLAttributes<HTMLInputElement>, help?: string) => (
    <div>
      <label htmlFor={name}>{label}</label>
      <input
        id={name}
        name={name}
        value={values[name]}
        onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        aria-invalid={!!errors[name]?.length}
        aria-describedby={[help ? `${name}-help` : "", errors[name]?.length ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined}
        required
        {...props}
      />
      {help ? (
        <p className="meta" id={`${name}-help`}>
          {help}
        </p>
      ) : null}
      {errors[name]?.length ? (
        <p className="field-error" id={`${name}-error`}>
          {errors[name]!.join(" ")}
        </p>
      ) : null}
    </div>
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      {field("displayName", "Display name", { autoComplete: "name", maxLength: 80 }, "Shown on your posts and comments.")}
      {field("username", "Username", { autoComplete: "username", maxLength: 30 }, "Lowercase letters, digits, hyphens; used in your author page address.")}
      {field("email", "Email", { type: "email", autoComplete: "email" })}
      {field("password", "Password", { type: "password", autoComplete: "new-password" }, "At least 10 characters; not a common password.")}
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Creating…" : submitLabel}
        </button>
      </div>
      <p className="meta">
        Already have an account? <Link href="/login">Sign in</Link>.
      </p>
    </form>
  );
}
