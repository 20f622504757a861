import "server-only";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import type { FormFields } from "@/lib/validation/form-fields";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassword, passwordProblem } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit/record";
import { hashResetToken } from "@/lib/users/password-reset";

const INVALID_LINK = "This link is invalid, has expired or was already used. Request a new one from “Forgot password?” on the sign-in page.";

/** The reset and invitation forms' fields (the token comes from the link, in a hidden field). */
export const resetPasswordInput = z.object({
  token: z.string(INVALID_LINK).min(10, INVALID_LINK).max(200, INVALID_LINK),
  password: z.string("Choose a password.").max(1000, "Use at most 1,000 characters."),
  confirm: z.string("Type the password again.").max(1000, "Use at most 1,000 characters."),
});

/** Who a still-valid token belongs to (for the reset page), or null. No side effects. */
export async function findValidResetToken(token: string) {
  if (token.length < 10 || token.length > 200) return null;
  const row = await db().passwordResetToken.findUnique({
    where: { tokenHash: hashResetToken(token) },
    select: { usedAt: true, expiresAt: true, purpose: true, user: { select: { email: true, username: true, displayName: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= new Date()) return null;
  return { ...row.user, purpose: row.purpose };
}

/**
 * Sets a new password with a one-time token: the token is marked used in the
 * same transaction (a second use fails), and sessionVersion is bumped so every
 * existing session of the account ends.
 */
export async function resetPasswordWithToken(input: z.input<typeof resetPasswordInput> | FormFields) {
  const { token, password, confirm } = parseInput(resetPasswordInput, input);
  const tokenHash = hashResetToken(token);
  const preview = await db().passwordResetToken.findUnique({ where: { tokenHash }, include: { user: true } });
  if (!preview || preview.usedAt || preview.expiresAt <= new Date()) throw new AppError("INVALID", INVALID_LINK);
  const problem = passwordProblem(password, { email: preview.user.email, username: preview.user.username });
  if (problem) throw new AppError("INVALID", problem, { password: [problem] });
  if (password !== confirm) throw new AppError("INVALID", "The passwords don't match.", { confirm: ["The passwords don't match."] });
  const passwordHash = await hashPassword(password);
  return db().$transaction(async (tx) => {
    // Claim the token atomically: only one request can turn usedAt from null to now.
    const claimed = await tx.passwordResetToken.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: new Date() } },
      data: { usedAt: new Date() },
    });
    if (claimed.count !== 1) throw new AppError("INVALID", INVALID_LINK);
    const user = await tx.user.update({ where: { id: preview.userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: user.id,
      action: preview.purpose === "INVITE" ? "user.inviteAccepted" : "user.passwordReset",
      targetType: "user",
      targetId: user.id,
      changes: { sessionVersion: { from: preview.user.sessionVersion, to: user.sessionVersion } },
    });
    return { email: user.email, role: user.role };
  });
}
