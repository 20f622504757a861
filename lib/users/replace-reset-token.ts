import type { Tx } from "@/lib/db";
import type { PasswordTokenPurpose } from "@/generated/prisma/enums";
import { newResetToken, PASSWORD_RESET_TTL_MS } from "@/lib/users/password-reset";

/**
 * The one way a password link is made (admin reset, forgot password,
 * invitation): earlier unused links of the account stop working, only the
 * SHA-256 is stored, and the token is returned once for the caller to show or
 * mail. Call inside the transaction that also records what it is for.
 */
export async function replaceResetToken(tx: Tx, userId: string, purpose: PasswordTokenPurpose, now = new Date()) {
  const { token, tokenHash } = newResetToken();
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  await tx.passwordResetToken.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  await tx.passwordResetToken.create({ data: { userId, tokenHash, expiresAt, purpose } });
  return { token, expiresAt };
}
