"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import type { ActionResult } from "@/lib/actions/authed-action";
import { Field, Form, SubmitButton, fromActionResult, type FormState } from "@/components/form";
import { PASSWORD_HELP } from "@/lib/auth/password-rules";

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
  async function createAndSignIn(_previous: FormState, form: FormData): Promise<FormState> {
    const text = (name: keyof Values) => String(form.get(name) ?? "");
    const values: Values = { displayName: text("displayName"), username: text("username"), email: text("email"), password: text("password") };
    const result = await submit(values);
    if (!result.ok) return fromActionResult(result);
    const signedIn = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
    if (!signedIn || signedIn.error) {
      // Also what someone sees who registered an email that already has an account (nothing was created).
      return { ok: false, message: "If this email was new, your account is ready: sign in to continue. If you already had an account, sign in with its password." };
    }
    return { ok: true };
  }

  return (
    <Form action={createAndSignIn} redirectTo={redirectTo}>
      <Field name="displayName" label="Display name" help="Shown on your posts and comments.">
        <input id="displayName" autoComplete="name" maxLength={80} required />
      </Field>
      <Field name="username" label="Username" help="Lowercase letters, digits, hyphens; used in your author page address.">
        <input id="username" autoComplete="username" maxLength={30} required />
      </Field>
      <Field name="email" label="Email">
        <input id="email" type="email" autoComplete="email" required />
      </Field>
      <Field name="password" label="Password" help={PASSWORD_HELP}>
        <input id="password" type="password" autoComplete="new-password" required />
      </Field>
      <div>
        <SubmitButton pending="Creating…">{submitLabel}</SubmitButton>
      </div>
      <p className="meta">
        Already have an account? <Link href="/login">Sign in</Link>.
      </p>
    </Form>
  );
}
