import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase, unseen } from "@/lib/use-case";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";
import { replaceResetToken } from "@/lib/users/replace-reset-token";

export const issuePasswordResetInput = z.object({ userId: z.string().min(1) });

/**
 * Issues a one-time password reset link for a user. Earlier unused links stop
 * working. The token is returned once (to show the admin) and never stored.
 * Nothing readers see.
 */
export const issuePasswordReset = defineUseCase({
  id: "user.issuePasswordReset",
  input: issuePasswordResetInput,
  permission: "user.manage",
  async run(actor, { userId }) {
    const { token, expiresAt } = await db().$transaction(async (tx) => {
      await assertStillAllowed(tx, actor, ["ADMIN"]);
      const user = await lockUser(tx, userId);
      const issued = await replaceResetToken(tx, user.id, "RESET");
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.passwordResetIssued",
        targetType: "user",
        targetId: user.id,
        changes: { passwordResetExpiresAt: { from: null, to: issued.expiresAt.toISOString() } },
      });
      return issued;
    });
    return unseen({ token, path: `/reset-password/${token}`, expiresAt });
  },
});
