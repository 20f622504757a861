import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { ROLES, ROLE_LABELS, can } from "@/lib/authz/permissions";
import { listUsers, userListFilter } from "@/lib/users/list-users";
import { formatDateTime } from "@/components/format";
import { Pager, queryString } from "@/components/admin-tabs";
import { UserRowActions } from "@/components/admin-user-actions";
import { InviteUserForm } from "@/components/admin-invite-form";
import { changeRoleAction, clearSignInLockAction, deleteUserAction, inviteUserAction, issueResetAction, reactivateAction, suspendAction } from "./actions";
import { DataTable, ResultCount } from "@/components/data-table";
import { FilterSelect } from "@/components/filter-select";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("user.manage", "/admin/users");
  const filter = userListFilter.parse(await searchParams);
  const { users, total, pages } = await listUsers(actor, filter);
  return (
    <>
      <div className="page-heading">
        <h1>Users</h1>
        <p className="meta">Suspending ends the user&apos;s sessions at once; their published posts stay up unless you unpublish them. The last active admin cannot be demoted or suspended.</p>
      </div>
      {can(actor, "user.invite") ? <InviteUserForm action={inviteUserAction} roles={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} /> : null}
      <form className="filter-bar" method="get" role="search" aria-label="Search users">
        <label htmlFor="users-q">Name, username or email</label>
        <input id="users-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        <FilterSelect id="users-role" name="role" label="Role" value={filter.role} options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))} />
        <FilterSelect id="users-status" name="status" label="Status" value={filter.status} options={[{ value: "ACTIVE", label: "Active" }, { value: "SUSPENDED", label: "Suspended" }]} />
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      <ResultCount total={total} one="user" />
      <DataTable columns={["User", "Status", "Posts", "Comments", "Last sign-in", "Actions"]} className="users-table">
          {users.map((user) => (
            <tr key={user.id}>
              <td>
                <strong>{user.displayName}</strong>
                {user.id === actor.id ? " (you)" : ""}
                <div className="meta">
                  @{user.username} · {user.email}
                </div>
              </td>
              <td>
                <span className={`status ${user.status === "ACTIVE" ? "status-PUBLISHED" : "status-REJECTED"}`}>{user.status === "ACTIVE" ? "Active" : "Suspended"}</span>
                {user.invitePending ? <div className="meta">Invited, link not used yet</div> : null}
                {user.failedSignIns > 0 ? <div className="meta">Sign-in delayed: {user.failedSignIns} failed attempts</div> : null}
              </td>
              <td>{user._count.posts}</td>
              <td>{user._count.comments}</td>
              <td>{user.lastSignInAt ? formatDateTime(user.lastSignInAt) : "Never"}</td>
              <td>
                <UserRowActions
                  user={{ id: user.id, displayName: user.displayName, role: user.role, status: user.status, isSelf: user.id === actor.id }}
                  roles={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                  changeRole={changeRoleAction}
                  suspend={suspendAction}
                  reactivate={reactivateAction}
                  issueReset={issueResetAction}
                  clearSignInLock={user.failedSignIns > 0 ? clearSignInLockAction : undefined}
                  remove={user._count.posts === 0 ? deleteUserAction : undefined}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      <Pager page={filter.page} pages={pages} href={(page) => `/admin/users${queryString({ ...filter, page })}`} />
    </>
  );
}
