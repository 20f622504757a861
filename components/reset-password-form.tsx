"use client";

import Link from "next/link";
import { AdminForm, FieldError } from "@/components/admin-form";
import type { ActionState } from "@/lib/actions/form-action";

export function ResetPasswordForm({ token, action }: { token: string; action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  return (
    <AdminForm
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
      <div className="field">
        <label htmlFor="new-password">New password</label>
        <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={10} aria-describedby="password-help" />
        <p className="meta" id="password-help">
          At least 10 characters; not a common password.
        </p>
        <FieldError name="password" />
      </div>
      <div className="field">
        <label htmlFor="confirm-password">Repeat the new password</label>
        <input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required />
        <FieldError name="confirm" />
      </div>
      <div>
        <button type="submit">Set password</button>
      </div>
    </AdminForm>
  );
}
