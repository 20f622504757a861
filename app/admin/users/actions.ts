"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/use-case-adapters";
import { changeUserRole } from "@/lib/users/change-user-role";
import { suspendUser } from "@/lib/users/suspend-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { deleteUser } from "@/lib/users/delete-user";
import { clearSignInLock } from "@/lib/users/clear-sign-in-lock";
import { inviteUser } from "@/lib/users/invite-user";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { env } from "@/lib/env";

const after = () => revalidatePath("/admin/users");

export const changeRoleAction = formAction(changeUserRole, {
  after,
  message: (user) => ({ message: `${user.displayName}’s role is now ${ROLE_LABELS[user.role]}.` }),
});

export const suspendAction = formAction(suspendUser, {
  after,
  message: (user) => ({ message: `${user.displayName} is suspended and signed out everywhere.` }),
});

export const reactivateAction = formAction(reactivateUser, {
  after,
  message: (user) => ({ message: `${user.displayName} is active again.` }),
});

export const issueResetAction = formAction(issuePasswordReset, {
  message: ({ path, expiresAt }) => ({
    message: "One-time reset link created. Copy it now: it is shown only once.",
    data: { url: `${env().SITE_URL}${path}`, expiresAt: expiresAt.toISOString() },
  }),
});

export const clearSignInLockAction = formAction(clearSignInLock, {
  after,
  message: (user) => ({ message: `${user.displayName} can sign in again at once.` }),
});

export const deleteUserAction = formAction(deleteUser, {
  after,
  message: ({ user }) => ({ message: `Deleted ${user.displayName}’s account.` }),
});

export const inviteUserAction = formAction(inviteUser, {
  after: () => {
    revalidatePath("/admin/users");
    revalidatePath("/admin/mail");
  },
  message: ({ user, reinvited, mailTrouble }) => {
    const what = reinvited ? `Invitation sent again to ${user.email}; the earlier link no longer works.` : `Invitation for ${user.displayName} (${ROLE_LABELS[user.role]}) queued to ${user.email}.`;
    if (!env().SMTP_URL) return { message: `${what} SMTP_URL is not set: the link waits in Mail (/admin/mail) for you to pass on.` };
    if (mailTrouble) return { message: `${what} The mail server isn't answering (${mailTrouble.error}); it is retried automatically. See Mail for its status.` };
    return { message: what };
  },
});
