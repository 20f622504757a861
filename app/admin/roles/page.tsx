import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { ACTIONS, ROLES, ROLE_LABELS, ROLE_PERMISSIONS, type Action } from "@/lib/authz/permissions";
import { ACTION_LABELS } from "@/lib/authz/action-labels";

export const metadata: Metadata = { title: "Roles" };

/** The rule table from lib/authz/permissions.ts, rendered as is: what the server enforces. */
export default async function RolesPage() {
  await requirePageActor("user.manage", "/admin/roles");
  const allowed = (role: (typeof ROLES)[number], action: Action) => (ROLE_PERMISSIONS[role] as readonly Action[]).includes(action);
  return (
    <>
      <div className="page-heading">
        <h1>Roles and permissions</h1>
        <p className="meta">For reference: this is the rule table the server checks on every page and action. Change a user&apos;s role on the Users page.</p>
      </div>
      <div className="table-scroll">
        <table className="data-table roles-table">
          <caption className="visually-hidden">What each role may do</caption>
          <thead>
            <tr>
              <th scope="col">Permission</th>
              {ROLES.map((role) => (
                <th scope="col" key={role}>
                  {ROLE_LABELS[role]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ACTIONS.map((action) => (
              <tr key={action}>
                <th scope="row">
                  {ACTION_LABELS[action]} <code className="meta">{action}</code>
                </th>
                {ROLES.map((role) => (
                  <td key={role} className="check">
                    {allowed(role, action) ? <span aria-label="Allowed">✓</span> : <span aria-label="Not allowed">—</span>}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
