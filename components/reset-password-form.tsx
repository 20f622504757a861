"use client";

import Link from "next/link";
import { Form, Field, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/actions/form-action";

export function ResetPasswordForm({ token, action }: { token: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  return (
    <Form
      action={action}
      className="form"
      label="Set a new password"
      renderResult={() => (
        <p>
          <Link href="/login">Sign in</Link>
        </p>
      )}
    >
      <input type="hidden" name="token" value={token} />
      <Field name="password" label="New password" help="At least 10 characters; not a common password.">
        <input id="new-password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <Field name="confirm" label="Repeat the new password">
        <input id="confirm-password" type="password" autoComplete="new-password" required />
      </Field>
      <div>
        <SubmitButton pending="Setting password…">Set password</SubmitButton>
      </div>
    </Form>
  );
}
