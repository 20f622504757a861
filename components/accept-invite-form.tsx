"use client";

import { signIn } from "next-auth/react";
import { Form, SubmitButton, type FormAction, type FormState } from "@/components/form";
import { NewPasswordFields } from "@/components/new-password-fields";

/** Sets the first password from an invitation link, then signs in with it (like registration). */
export function AcceptInviteForm({ token, email, action }: { token: string; email: string; action: FormAction }) {
  async function setPasswordAndSignIn(previous: FormState, form: FormData): Promise<FormState> {
    const result = await action(previous, form);
    if (!result?.ok) return result;
    const signedIn = await signIn("credentials", { email: result.data?.email ?? email, password: String(form.get("password") ?? ""), redirect: false });
    if (signedIn && !signedIn.error) return { ...result, data: { ...result.data, next: result.data?.next ?? "/" } };
    // The link is used up: the fields stay disabled, the way on is the sign-in page.
    return { ok: true, message: "Your password is set, but signing in failed. Sign in with it on the sign-in page." };
  }

  return (
    <Form action={setPasswordAndSignIn} label="Choose your password" redirectTo={(state) => state.data?.next} lockOnSuccess>
      <input type="hidden" name="token" value={token} />
      <NewPasswordFields idPrefix="invite" label="Password" confirmLabel="Repeat the password" />
      <div>
        <SubmitButton pending="Signing you in…">Set password and sign in</SubmitButton>
      </div>
    </Form>
  );
}
