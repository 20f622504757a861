import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import type { FormFields } from "@/lib/validation/form-fields";
import { hitRateLimit, minutesText } from "@/lib/auth/rate-limit";
import { ipRateLimitKey } from "@/lib/http/client-ip";
import { lockUser } from "@/lib/users/last-admin";
import { PASSWORD_RESET_TTL_MS } from "@/lib/users/password-reset";
import { replaceResetToken } from "@/lib/users/replace-reset-token";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { passwordResetMail } from "@/lib/mail/templates";
import { mailDeliveryTrouble } from "@/lib/mail/mail-health";

export const requestPasswordResetInput = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254, "Enter a valid email address."),
});

/** The one answer, whether or not the address has an account. */
export const FORGOT_PASSWORD_ANSWER = "If an account exists for that address, we've sent a link to choose a new password. It works once, for 24 hours.";
export const MAIL_DELAYED_NOTE = "Our mail server isn't answering right now: the email may take a while. It is sent as soon as the server is back.";

export const FORGOT_PASSWORD_LIMITS = {
  perIp: { limit: 10, windowSeconds: 60 * 60 },
  // A few mails per address per hour: enough for a lost first mail, not a way to flood someone's inbox.
  perAddress: { limit: 3, windowSeconds: 60 * 60 },
} as const;

/**
 * "Forgot password?": mails a one-time link (the same tokens as an admin's
 * reset link: hash stored, 24 hours, newer cancels older, using it bumps
 * sessionVersion) to an active account with that address. The caller always
 * shows FORGOT_PASSWORD_ANSWER: unknown and suspended addresses get the same
 * answer and nothing is sent. Limited per client IP (an error) and per
 * address (silently: nothing more is sent, the answer stays the same).
 * The token, the message and its queue job are written in one transaction.
 */
export async function requestPasswordReset(input: z.input<typeof requestPasswordResetInput> | FormFields, ip: string): Promise<{ message: string }> {
  const { email } = parseInput(requestPasswordResetInput, input);
  const perIp = await hitRateLimit(`forgot:ip:${ipRateLimitKey(ip)}`, FORGOT_PASSWORD_LIMITS.perIp.limit, FORGOT_PASSWORD_LIMITS.perIp.windowSeconds);
  if (!perIp.allowed) throw new AppError("RATE_LIMITED", `Too many requests from your network. Try again in ${minutesText(perIp.retryAfterSeconds)}.`);
  const addressKey = crypto.createHash("sha256").update(email).digest("hex");
  const perAddress = await hitRateLimit(`forgot:email:${addressKey}`, FORGOT_PASSWORD_LIMITS.perAddress.limit, FORGOT_PASSWORD_LIMITS.perAddress.windowSeconds);
  if (perAddress.allowed) await issueAndMail(email);
  const trouble = await mailDeliveryTrouble();
  return { message: trouble ? `${FORGOT_PASSWORD_ANSWER} ${MAIL_DELAYED_NOTE}` : FORGOT_PASSWORD_ANSWER };
}

async function issueAndMail(email: string): Promise<void> {
  const { SITE_URL, SITE_NAME } = env();
  await db().$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (!found) return;
    // Serialises concurrent requests for one account, so "newer cancels older" holds.
    const user = await lockUser(tx, found.id);
    if (user.status !== "ACTIVE") return;
    const { token } = await replaceResetToken(tx, user.id, "RESET");
    const content = passwordResetMail({ siteName: SITE_NAME, displayName: user.displayName, url: `${SITE_URL}/reset-password/${token}`, hours: PASSWORD_RESET_TTL_MS / 3_600_000 });
    await enqueueMail(tx, { kind: "password-reset", to: user.email, userId: user.id, sensitive: true, ...content });
  });
}
