"use client";

import { AdminForm, FieldError } from "@/components/admin-form";
import type { ActionState } from "@/lib/actions/form-action";

export function ForgotPasswordForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  return (
    <AdminForm action={action} className="form" label="Send a password reset link">
      <div className="field">
        <label htmlFor="forgot-email">Email</label>
        <input id="forgot-email" name="email" type="email" autoComplete="email" required maxLength={254} />
        <FieldError name="email" />
      </div>
      <div>
        <button type="submit">Send me a link</button>
      </div>
    </AdminForm>
  );
}
