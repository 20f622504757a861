import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase, unseen } from "@/lib/use-case";
import { hashPassword, passwordProblem, verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, minutesText } from "@/lib/auth/rate-limit";
import { recordAudit } from "@/lib/audit/record";

export const changePasswordInput = z.object({
  currentPassword: z.string().max(256),
  newPassword: z.string().max(256),
  confirmPassword: z.string().max(256),
});

/**
 * Asks for the current password, checks the new one, and bumps
 * sessionVersion so every other session of this user ends at once. The
 * caller signs the current browser in again with the new password.
 */
export const changePassword = defineUseCase({
  id: "user.changePassword",
  input: changePasswordInput,
  permission: "profile.editOwn",
  async run(actor, data) {
    const rate = await hitRateLimit(`password-change:${actor.id}`, 10, 15 * 60);
    if (!rate.allowed) throw new AppError("RATE_LIMITED", `Too many attempts. Try again in ${minutesText(rate.retryAfterSeconds)}.`);
    const user = await db().user.findUniqueOrThrow({ where: { id: actor.id } });
    if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
      throw new AppError("INVALID", "Your current password is not right.", { currentPassword: ["Your current password is not right."] });
    }
    if (data.newPassword !== data.confirmPassword) {
      throw new AppError("INVALID", "The new passwords don't match.", { confirmPassword: ["The new passwords don't match."] });
    }
    const problem = passwordProblem(data.newPassword, { email: user.email, username: user.username });
    if (problem) throw new AppError("INVALID", problem, { newPassword: [problem] });
    const passwordHash = await hashPassword(data.newPassword);
    return db().$transaction(async (tx) => {
      const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { email: true, sessionVersion: true } });
      await recordAudit(tx, { actorId: actor.id, action: "user.changePassword", targetType: "user", targetId: user.id });
      // Accounts are not something readers see.
      return unseen(updated);
    });
  },
});
