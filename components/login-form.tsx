"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { Field, Form, SubmitButton, type FormState } from "@/components/form";

/**
 * Signs in with next-auth's credentials provider (no page load: its answer
 * carries the lockout message), then loads the page the visitor came for.
 */
async function signInWithCredentials(_previous: FormState, form: FormData): Promise<FormState> {
  const result = await signIn("credentials", {
    email: String(form.get("email") ?? ""),
    password: String(form.get("password") ?? ""),
    redirect: false,
  });
  if (!result || result.error) {
    return { ok: false, message: result?.error && result.error !== "CredentialsSignin" ? result.error : "That email and password don't match an account." };
  }
  return { ok: true };
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  return (
    <Form action={signInWithCredentials} redirectTo={callbackUrl}>
      <Field name="email" label="Email">
        <input id="email" type="email" autoComplete="email" required />
      </Field>
      <Field
        name="password"
        label="Password"
        after={
          <p className="meta">
            <Link href="/forgot-password">Forgot password?</Link>
          </p>
        }
      >
        <input id="password" type="password" autoComplete="current-password" required />
      </Field>
      <div>
        <SubmitButton pending="Signing in…">Sign in</SubmitButton>
      </div>
      <p className="meta">
        No account yet? <Link href="/register">Create one</Link>.
      </p>
    </Form>
  );
}
