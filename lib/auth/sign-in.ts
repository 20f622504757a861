import { z } from "zod";
import { hasUnstorableText } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, minutesText, refundRateLimit } from "@/lib/auth/rate-limit";
import { claimSignInAttempt, resetSignInBackoff, signInAccountKey, SIGN_IN_BACKOFF } from "@/lib/auth/sign-in-backoff";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation/parse-input";
import { ipRateLimitKey } from "@/lib/http/client-ip";

export const SIGN_IN_LIMITS = {
  // Per account: a growing delay after this many failures (lib/auth/sign-in-backoff.ts), never a lock-out.
  perAccount: { freeFailures: SIGN_IN_BACKOFF.freeFailures, maxDelaySeconds: SIGN_IN_BACKOFF.maxDelaySeconds },
  // Per client IP (lib/http/client-ip.ts): failed attempts in a fixed window.
  perIp: { limit: 20, windowSeconds: 15 * 60 },
};

const ENTER_CREDENTIALS = "Enter your email and password.";

export const credentialsInput = z.object({
  email: z.string(ENTER_CREDENTIALS).trim().toLowerCase().min(1, "Enter your email address.").max(254, "Enter a valid email address.").refine((value) => !hasUnstorableText(value), "Enter a valid email address."),
  password: z.string(ENTER_CREDENTIALS).min(1, "Enter your password.").max(256, "That email and password don't match an account."),
});

export type SignedInUser = { id: string; sessionVersion: number };

const tooMany = (retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", `Too many sign-in attempts. Try again in ${minutesText(retryAfterSeconds)}.`);

/**
 * Checks credentials under two limits kept in PostgreSQL: failed attempts per
 * client IP, and a growing delay per account. Each attempt is counted before
 * the password is checked, in the statement that decides, so parallel attempts
 * cannot exceed either limit; an attempt that turns out not to be a failure is
 * given back. Failures are AppErrors whose message is safe to show.
 */
export async function signInWithPassword(input: { email?: unknown; password?: unknown }, ip: string): Promise<SignedInUser> {
  const { email, password } = parseInput(credentialsInput, input, ENTER_CREDENTIALS);
  const accountKey = signInAccountKey(email);
  const ipKey = `signin:ip:${ipRateLimitKey(ip)}`;

  const perIp = await hitRateLimit(ipKey, SIGN_IN_LIMITS.perIp.limit, SIGN_IN_LIMITS.perIp.windowSeconds);
  if (!perIp.allowed) throw tooMany(perIp.retryAfterSeconds);
  const perAccount = await claimSignInAttempt(accountKey);
  if (!perAccount.allowed) {
    // No password was checked: this network's allowance is not spent.
    await refundRateLimit(ipKey);
    throw tooMany(perAccount.retryAfterSeconds);
  }

  const user = await db().user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  // Both counters already hold this attempt as a failure.
  if (!user || !valid) throw new AppError("UNAUTHENTICATED", "That email and password don't match an account.");
  if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "This account is suspended. Contact the site's editors.");
  await resetSignInBackoff(accountKey);
  await refundRateLimit(ipKey);
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, sessionVersion: user.sessionVersion };
}
