import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";
import { newResetToken, PASSWORD_RESET_TTL_MS } from "@/lib/users/password-reset";

export const issuePasswordResetInput = z.object({ userId: z.string().min(1) });

/**
 * Issues a one-time password reset link for a user. Earlier unused links stop
 * working. The token is returned once (to show the admin) and never stored.
 */
export async function issuePasswordReset({ actor, input }: { actor: Actor; input: z.input<typeof issuePasswordResetInput> }) {
  assertCan(actor, "user.manage");
  const { userId } = parseInput(issuePasswordResetInput, input);
  const { token, tokenHash } = newResetToken();
  const expiresAt = new Date(Date.now() + PASSWORD_RESET_TTL_MS);
  await db().$transaction(async (tx) => {
    await assertStillAllowed(tx, actor, ["ADMIN"]);
    const user = await lockUser(tx, userId);
    const now = new Date();
    await tx.passwordResetToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await tx.passwordResetToken.create({ data: { userId: user.id, tokenHash, expiresAt } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.passwordResetIssued",
      targetType: "user",
      targetId: user.id,
      changes: { passwordResetExpiresAt: { from: null, to: expiresAt.toISOString() } },
    });
  });
  return { token, path: `/reset-password/${token}`, expiresAt };
}
