import { z } from "zod";
import { hasUnstorableText } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { clearRateLimit, hitRateLimit, isRateLimited, minutesText } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

export const SIGN_IN_LIMITS = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 20, windowSeconds: 15 * 60 },
};

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().min(1).max(254).refine((value) => !hasUnstorableText(value)),
  password: z.string().min(1).max(256),
});

export type SignedInUser = { id: string; sessionVersion: number };

/**
 * Checks credentials with rate limits per account and per IP (kept in
 * PostgreSQL). Failures are AppErrors whose message is safe to show.
 */
export async function signInWithPassword(input: { email?: unknown; password?: unknown }, ip: string): Promise<SignedInUser> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Enter your email and password.");
  const { email, password } = parsed.data;
  const accountKey = `signin:account:${email}`;
  const ipKey = `signin:ip:${ip}`;

  for (const [key, rule] of [[accountKey, SIGN_IN_LIMITS.perAccount], [ipKey, SIGN_IN_LIMITS.perIp]] as const) {
    const state = await isRateLimited(key, rule.limit);
    if (!state.allowed) {
      throw new AppError("RATE_LIMITED", `Too many sign-in attempts. Try again in ${minutesText(state.retryAfterSeconds)}.`);
    }
  }

  const user = await db().user.findUnique({ where: { email } });
  const valid = user ? await verifyPassword(user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!user || !valid) {
    await hitRateLimit(accountKey, SIGN_IN_LIMITS.perAccount.limit, SIGN_IN_LIMITS.perAccount.windowSeconds);
    await hitRateLimit(ipKey, SIGN_IN_LIMITS.perIp.limit, SIGN_IN_LIMITS.perIp.windowSeconds);
    throw new AppError("UNAUTHENTICATED", "That email and password don't match an account.");
  }
  if (user.status !== "ACTIVE") throw new AppError("FORBIDDEN", "This account is suspended. Contact the site's editors.");
  await clearRateLimit(accountKey);
  await db().user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return { id: user.id, sessionVersion: user.sessionVersion };
}
