"use client";

import { Form, Field, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/actions/form-action";

export function ForgotPasswordForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  return (
    <Form action={action} className="form" label="Send a password reset link">
      <Field name="email" label="Email">
        <input id="forgot-email" type="email" autoComplete="email" required maxLength={254} />
      </Field>
      <div>
        <SubmitButton pending="Sending…">Send me a link</SubmitButton>
      </div>
    </Form>
  );
}
