"use client";

import { AdminForm, FieldError } from "@/components/admin-form";
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
      <AdminForm action={action} className="invite-form" label="Invite by email" resetOnSuccess>
        <div className="field">
          <label htmlFor="invite-email">Email</label>
          <input id="invite-email" name="email" type="email" autoComplete="off" required maxLength={254} />
          <FieldError name="email" />
        </div>
        <div className="field">
          <label htmlFor="invite-name">Display name</label>
          <input id="invite-name" name="displayName" type="text" autoComplete="off" required maxLength={80} />
          <FieldError name="displayName" />
        </div>
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="AUTHOR">
            {roles.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <FieldError name="role" />
        </div>
        <div>
          <button type="submit">Send invitation</button>
        </div>
      </AdminForm>
    </section>
  );
}
