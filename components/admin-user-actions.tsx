"use client";

import { Form } from "@/components/form";
import { ActionButton } from "@/components/admin-action-button";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Role change, suspend/reactivate, password-reset link and sign-in lock for one user row. */
export function UserRowActions({
  user,
  roles,
  changeRole,
  suspend,
  reactivate,
  issueReset,
  clearSignInLock,
  remove,
}: {
  user: { id: string; displayName: string; role: string; status: string; isSelf: boolean };
  roles: { value: string; label: string }[];
  changeRole: Action;
  suspend: Action;
  reactivate: Action;
  issueReset: Action;
  /** Only offered while failed sign-ins delay the account. */
  clearSignInLock?: Action;
  /** Only offered for accounts without posts (the server checks again). */
  remove?: Action;
}) {
  const selectId = `role-${user.id}`;
  return (
    <div className="user-actions">
      <Form action={changeRole} className="inline-form">
        <input type="hidden" name="userId" value={user.id} />
        <label htmlFor={selectId} className="visually-hidden">
          Role of {user.displayName}
        </label>
        <select id={selectId} name="role" defaultValue={user.role} key={user.role}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
        <button type="submit" className="secondary">
          Change role<span className="visually-hidden"> of {user.displayName}</span>
        </button>
      </Form>
      {user.status === "ACTIVE" ? (
        user.isSelf ? null : (
          <ActionButton action={suspend} fields={{ userId: user.id }} variant="danger" confirm={`Suspend ${user.displayName}? They are signed out at once.`} about={user.displayName}>
            Suspend
          </ActionButton>
        )
      ) : (
        <ActionButton action={reactivate} fields={{ userId: user.id }} variant="secondary" about={user.displayName}>
          Reactivate
        </ActionButton>
      )}
      <Form
        action={issueReset}
        className="inline-form"
        confirm={`Create a one-time password reset link for ${user.displayName}? Earlier links stop working.`}
        renderResult={(state) =>
          state.data?.url ? (
            <p className="reset-link">
              <label htmlFor={`reset-${user.id}`}>One-time link (valid 24 hours)</label>
              <input id={`reset-${user.id}`} readOnly value={state.data.url} onFocus={(e) => e.currentTarget.select()} />
            </p>
          ) : null
        }
      >
        <input type="hidden" name="userId" value={user.id} />
        <button type="submit" className="secondary">
          Reset password<span className="visually-hidden"> for {user.displayName}</span>
        </button>
      </Form>
      {clearSignInLock ? (
        <ActionButton action={clearSignInLock} fields={{ userId: user.id }} variant="secondary" about={`for ${user.displayName}`}>
          Clear sign-in lock
        </ActionButton>
      ) : null}
      {remove && !user.isSelf ? (
        <ActionButton
          action={remove}
          fields={{ userId: user.id }}
          variant="danger"
          confirm={`Delete ${user.displayName}'s account and comments for good? This cannot be undone.`}
          about={`of ${user.displayName}`}
        >
          Delete account
        </ActionButton>
      ) : null}
    </div>
  );
}
