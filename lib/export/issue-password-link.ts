import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { recordAudit } from "@/lib/audit/record";
import { lockUser } from "@/lib/users/last-admin";
import { replaceResetToken } from "@/lib/users/replace-reset-token";

// No "server-only": used by `npm run import -- broadsheet -- --password-link <email>` outside Next.

export const issuePasswordLinkInput = z.object({ email: z.string().trim().toLowerCase().email("Enter a valid email address.") });

/**
 * For the operator after a restore: archives carry no password hashes, so
 * nobody can sign in until they choose a new password. This makes the same
 * one-time link "Forgot password?" mails (24 hours, newer cancels older) for
 * one active account and returns it, for a site without SMTP_URL whose admin
 * could not otherwise read the outbox. Audited like an admin's reset link.
 */
export async function issuePasswordLink(input: z.input<typeof issuePasswordLinkInput>): Promise<{ url: string; expiresAt: Date }> {
  const { email } = parseInput(issuePasswordLinkInput, input);
  return db().$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!found) throw new AppError("NOT_FOUND", `There is no account with the email ${email}.`);
    const user = await lockUser(tx, found.id);
    if (user.status !== "ACTIVE") throw new AppError("CONFLICT", `The account ${email} is suspended: reactivate it first.`);
    const { token, expiresAt } = await replaceResetToken(tx, user.id, "RESET");
    await recordAudit(tx, { actorId: null, action: "user.passwordResetIssued", targetType: "user", targetId: user.id });
    return { url: `${env().SITE_URL}/reset-password/${token}`, expiresAt };
  });
}
