"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { FormError } from "@/components/form-error";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [email, setEmail] = useState("");

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!result || result.error) {
      setPending(false);
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "That email and password don't match an account.");
      return;
    }
    window.location.assign(callbackUrl);
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={error} />
      <div>
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div>
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
        <p className="meta">
          <Link href="/forgot-password">Forgot password?</Link>
        </p>
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </div>
      <p className="meta">
        No account yet? <Link href="/register">Create one</Link>.
      </p>
    </form>
  );
}
