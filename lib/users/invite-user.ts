import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ROLE_LABELS } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { roleSchema } from "@/lib/users/roles";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";
import { usernameSchema } from "@/lib/users/create-user";
import { PASSWORD_RESET_TTL_MS } from "@/lib/users/password-reset";
import { replaceResetToken } from "@/lib/users/replace-reset-token";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { inviteMail } from "@/lib/mail/templates";
import { mailDeliveryTrouble } from "@/lib/mail/mail-health";

export const inviteUserInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254, "Enter a valid email address."),
  displayName: z.string().trim().min(1, "Enter a display name.").max(80, "Use at most 80 characters."),
  role: roleSchema,
});

/**
 * An admin invites someone by email with a role: a pending account (no
 * password, `invitedAt` set; it cannot sign in) and a one-time link
 * (/invite/<token>, 24 hours) that sets the password. The account, the link,
 * the mail and its queue job and the audit row (`user.invite`) are one
 * transaction. Inviting a still-pending address again updates its name and
 * role and cancels the older link; an address whose owner already has a
 * password is refused (use "Reset password" for them). A pending account is
 * nothing readers see.
 */
export const inviteUser = defineUseCase({
  id: "user.invite",
  input: inviteUserInput,
  permission: "user.invite",
  async run(actor, data) {
    const { SITE_URL, SITE_NAME } = env();
    const result = await db().$transaction(async (tx) => {
      await assertStillAllowed(tx, actor, ["ADMIN"]);
      const existing = await tx.user.findUnique({ where: { email: data.email }, select: { id: true } });
      let reinvited = false;
      let user;
      if (existing) {
        const locked = await lockUser(tx, existing.id);
        if (locked.passwordHash !== null || locked.invitedAt === null) {
          throw new AppError("CONFLICT", "An account with that email already exists.", { email: ["An account with that email already exists. Use “Reset password” on its row instead."] });
        }
        if (locked.status !== "ACTIVE") throw new AppError("CONFLICT", "That invited account is suspended. Reactivate it first.", { email: ["That invited account is suspended."] });
        user = await tx.user.update({ where: { id: locked.id }, data: { displayName: data.displayName, role: data.role, invitedAt: new Date() } });
        reinvited = true;
      } else {
        user = await tx.user.create({
          data: { email: data.email, username: await freeUsername(tx, data.email), displayName: data.displayName, role: data.role, passwordHash: null, invitedAt: new Date() },
        });
      }
      const { token, expiresAt } = await replaceResetToken(tx, user.id, "INVITE");
      const content = inviteMail({
        siteName: SITE_NAME,
        displayName: user.displayName,
        inviterName: actor.displayName,
        roleLabel: ROLE_LABELS[user.role],
        url: `${SITE_URL}/invite/${token}`,
        hours: PASSWORD_RESET_TTL_MS / 3_600_000,
      });
      const message = await enqueueMail(tx, { kind: "invite", to: user.email, userId: user.id, sensitive: true, ...content });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.invite",
        targetType: "user",
        targetId: user.id,
        changes: { email: { from: null, to: user.email }, role: { from: null, to: user.role }, inviteExpiresAt: { from: null, to: expiresAt.toISOString() } },
      });
      return { user, reinvited, messageId: message.id };
    });
    return unseen({ ...result, mailTrouble: await mailDeliveryTrouble() });
  },
});

/** A username from the address's local part, made unique with a number (the person can be renamed later). */
async function freeUsername(tx: Tx, email: string): Promise<string> {
  const local = email.split("@")[0]!.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[-_]+|[-_]+$/g, "");
  const base = (local.length >= 3 ? local : `${local || "user"}-user`).slice(0, 24);
  for (let n = 0; n < 50; n++) {
    const candidate = n === 0 ? base : `${base}-${n + 1}`;
    if (!usernameSchema.safeParse(candidate).success) continue;
    if (!(await tx.user.findUnique({ where: { username: candidate }, select: { id: true } }))) return candidate;
  }
  return `${base.slice(0, 17)}-${Date.now().toString(36)}`;
}
