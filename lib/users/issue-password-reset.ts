import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";
import { replaceResetToken } from "@/lib/users/replace-reset-token";

export const issuePasswordResetInput = z.object({ userId: z.string().min(1) });

/**
 * Issues a one-time password reset link for a user. Earlier unused links stop
 * working. The token is returned once (to show the admin) and never stored.
 */
export async function issuePasswordReset({ actor, input }: { actor: Actor; input: z.input<typeof issuePasswordResetInput> }) {
  assertCan(actor, "user.manage");
  const { userId } = parseInput(issuePasswordResetInput, input);
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
  return { token, path: `/reset-password/${token}`, expiresAt };
}
