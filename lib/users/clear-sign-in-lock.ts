import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";
import { signInAccountKey } from "@/lib/auth/sign-in-backoff";

export const clearSignInLockInput = z.object({ userId: z.string().min(1) });

/**
 * Forgets an account's failed sign-ins, ending its sign-in delay at once (for
 * an owner locked out by someone guessing). Per-IP limits are left alone: they
 * belong to networks, not accounts.
 */
export async function clearSignInLock({ actor, input }: { actor: Actor; input: z.input<typeof clearSignInLockInput> }) {
  assertCan(actor, "user.manage");
  const { userId } = parseInput(clearSignInLockInput, input);
  return db().$transaction(async (tx) => {
    await assertStillAllowed(tx, actor, ["ADMIN"]);
    const user = await lockUser(tx, userId);
    const key = signInAccountKey(user.email);
    const [cleared] = await tx.$queryRaw<{ failures: number }[]>`DELETE FROM "SignInBackoff" WHERE "key" = ${key} RETURNING "failures"`;
    if (!cleared) throw new AppError("CONFLICT", "This account has no failed sign-ins to clear.");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.signInLockCleared",
      targetType: "user",
      targetId: user.id,
      changes: { failedSignIns: { from: cleared.failures, to: 0 } },
    });
    return user;
  });
}
