"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { changeRoleInput, changeUserRole } from "@/lib/users/change-user-role";
import { suspendUser } from "@/lib/users/suspend-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { deleteUser } from "@/lib/users/delete-user";
import { clearSignInLock } from "@/lib/users/clear-sign-in-lock";
import { inviteUser, inviteUserInput } from "@/lib/users/invite-user";
import { revalidatePublicContent } from "@/lib/cache/revalidate";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { env } from "@/lib/env";

const userId = z.object({ userId: z.string().min(1) });

export const changeRoleAction = formAction({ permission: "user.changeRole", schema: changeRoleInput }, async (actor, input) => {
  const user = await changeUserRole({ actor, input });
  revalidatePath("/admin/users");
  return { message: `${user.displayName}’s role is now ${ROLE_LABELS[user.role]}.` };
});

export const suspendAction = formAction({ permission: "user.suspend", schema: userId }, async (actor, input) => {
  const user = await suspendUser({ actor, input });
  // Their comments disappear from articles.
  revalidatePublicContent({ authorUsernames: [user.username] });
  revalidatePath("/admin/users");
  return { message: `${user.displayName} is suspended and signed out everywhere.` };
});

export const reactivateAction = formAction({ permission: "user.suspend", schema: userId }, async (actor, input) => {
  const user = await reactivateUser({ actor, input });
  revalidatePublicContent({ authorUsernames: [user.username] });
  revalidatePath("/admin/users");
  return { message: `${user.displayName} is active again.` };
});

export const issueResetAction = formAction({ permission: "user.manage", schema: userId }, async (actor, input) => {
  const { path, expiresAt } = await issuePasswordReset({ actor, input });
  return {
    message: "One-time reset link created. Copy it now: it is shown only once.",
    data: { url: `${env().SITE_URL}${path}`, expiresAt: expiresAt.toISOString() },
  };
});

export const clearSignInLockAction = formAction({ permission: "user.manage", schema: userId }, async (actor, input) => {
  const user = await clearSignInLock({ actor, input });
  revalidatePath("/admin/users");
  return { message: `${user.displayName} can sign in again at once.` };
});

export const deleteUserAction = formAction({ permission: "user.manage", schema: userId }, async (actor, input) => {
  const { user, postSlugs } = await deleteUser({ actor, input });
  revalidatePublicContent({ postSlugs });
  revalidatePath("/admin/users");
  return { message: `Deleted ${user.displayName}’s account.` };
});

export const inviteUserAction = formAction({ permission: "user.invite", schema: inviteUserInput }, async (actor, input) => {
  const { user, reinvited, mailTrouble } = await inviteUser({ actor, input });
  revalidatePath("/admin/users");
  revalidatePath("/admin/mail");
  const what = reinvited ? `Invitation sent again to ${user.email}; the earlier link no longer works.` : `Invitation for ${user.displayName} (${ROLE_LABELS[user.role]}) queued to ${user.email}.`;
  if (!env().SMTP_URL) return { message: `${what} SMTP_URL is not set: the link waits in Mail (/admin/mail) for you to pass on.` };
  if (mailTrouble) return { message: `${what} The mail server isn't answering (${mailTrouble.error}); it is retried automatically. See Mail for its status.` };
  return { message: what };
});
