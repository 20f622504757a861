import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase, unseen } from "@/lib/use-case";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";
import { signInAccountKey } from "@/lib/auth/sign-in-backoff";

export const clearSignInLockInput = z.object({ userId: z.string().min(1) });

/**
 * Forgets an account's failed sign-ins, ending its sign-in delay at once (for
 * an owner locked out by someone guessing). Per-IP limits are left alone: they
 * belong to networks, not accounts. Nothing readers see.
 */
export const clearSignInLock = defineUseCase({
  id: "user.clearSignInLock",
  input: clearSignInLockInput,
  permission: "user.manage",
  async run(actor, { userId }) {
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
      return unseen(user);
    });
  },
});
