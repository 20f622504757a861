"use client";

import { Form, Field, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/actions/form-action";

/** "Invite by email" on /admin/users: a pending account with a role and a one-time link by mail. */
export function InviteUserForm({
  action,
  roles,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  roles: { value: string; label: string }[];
}) {
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">Invite by email</h2>
      <Form action={action} className="invite-form" label="Invite by email" resetOnSuccess>
        <Field name="email" label="Email">
          <input id="invite-email" type="email" autoComplete="off" required maxLength={254} />
        </Field>
        <Field name="displayName" label="Display name">
          <input id="invite-name" type="text" autoComplete="off" required maxLength={80} />
        </Field>
        <Field name="role" label="Role">
          <select id="invite-role" defaultValue="AUTHOR">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </Field>
        <div>
          <SubmitButton pending="Sending…">Send invitation</SubmitButton>
        </div>
      </Form>
    </section>
  );
}
