"use client";

import { useActionState, useRef, useEffect, startTransition, useState } from "react";
import { signIn } from "next-auth/react";
import type { ActionState } from "@/lib/actions/form-action";
import { FormError } from "@/components/form-error";

/** Sets the first password from an invitation link, then signs in with it (like registration). */
export function AcceptInviteForm({ token, email, action }: { token: string; email: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const [state, dispatch, pending] = useActionState(action, null);
  const password = useRef("");
  const [signInError, setSignInError] = useState<string | null>(null);

  useEffect(() => {
    if (!state?.ok || !state.data) return;
    const next = state.data.next ?? "/";
    void signIn("credentials", { email: state.data.email ?? email, password: password.current, redirect: false }).then((result) => {
      if (result && !result.error) window.location.assign(next);
      else setSignInError("Your password is set, but signing in failed. Sign in with it on the sign-in page.");
    });
  }, [state, email]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    password.current = String(data.get("password") ?? "");
    startTransition(() => dispatch(data));
  }

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form className="form" onSubmit={onSubmit} aria-label="Choose your password" aria-busy={pending} noValidate>
      <FormError message={state?.ok === false ? state.message : null} />
      {state?.ok ? (
        <p className="notice" role="status">
          {signInError ?? state.message}
        </p>
      ) : null}
      <input type="hidden" name="token" value={token} />
      <fieldset disabled={pending || !!state?.ok} className="plain-fieldset">
        <div className="field">
          <label htmlFor="invite-password">Password</label>
          <input id="invite-password" name="password" type="password" autoComplete="new-password" required minLength={10} aria-describedby="invite-password-help" />
          <p className="meta" id="invite-password-help">
            At least 10 characters; not a common password.
          </p>
          {errors.password?.length ? <p className="field-error">{errors.password.join(" ")}</p> : null}
        </div>
        <div className="field">
          <label htmlFor="invite-confirm">Repeat the password</label>
          <input id="invite-confirm" name="confirm" type="password" autoComplete="new-password" required />
          {errors.confirm?.length ? <p className="field-error">{errors.confirm.join(" ")}</p> : null}
        </div>
        <div>
          <button type="submit">Set password and sign in</button>
        </div>
      </fieldset>
    </form>
  );
}
