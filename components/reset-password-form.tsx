"use client";

import Link from "next/link";
import { Form, SubmitButton } from "@/components/form";
import { NewPasswordFields } from "@/components/new-password-fields";
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
      <NewPasswordFields idPrefix="reset" />
      <div>
        <SubmitButton pending="Setting password…">Set password</SubmitButton>
      </div>
    </Form>
  );
}
