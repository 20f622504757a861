import "server-only";
import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { createUser, usernameSchema, usernameTaken } from "@/lib/users/create-user";
import { hitRateLimit, minutesText } from "@/lib/auth/rate-limit";
import { AppError, isAppError } from "@/lib/errors";
import { ipRateLimitKey } from "@/lib/http/client-ip";

/** Strings only here; createUser's schema checks each field (and names it). */
export const registerInput = z.object({
  displayName: z.string("Enter a display name.").default(""),
  username: z.string("Choose a username.").default(""),
  email: z.string("Enter a valid email address.").default(""),
  password: z.string("Choose a password.").default(""),
});

export const REGISTER_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

const isEmailTaken = (error: unknown) => isAppError(error) && error.code === "CONFLICT" && (error.details as { taken?: string } | undefined)?.taken === "email";

/**
 * Self-service sign-up: always a READER (editors promote people), rate limited
 * per client IP (lib/http/client-ip.ts).
 *
 * It never says an email is registered: for a taken email it answers as for a
 * new account, after the same validation and the same argon2 hashing (createUser
 * hashes before the insert fails), but creates nothing. Usernames are public
 * (author pages), so a taken one is reported, checked first so the answer is
 * the same whether or not the email is taken. README "Accounts" explains what
 * this can and cannot hide without email sending.
 */
export async function registerUser(input: z.input<typeof registerInput>, ip: string): Promise<{ email: string }> {
  const data = parseInput(registerInput, input);
  const rate = await hitRateLimit(`register:ip:${ipRateLimitKey(ip)}`, REGISTER_LIMIT.limit, REGISTER_LIMIT.windowSeconds);
  if (!rate.allowed) throw new AppError("RATE_LIMITED", `Too many new accounts from your network. Try again in ${minutesText(rate.retryAfterSeconds)}.`);
  const username = usernameSchema.safeParse(data.username);
  if (username.success && (await db().user.findUnique({ where: { username: username.data }, select: { id: true } }))) throw usernameTaken();
  try {
    const user = await createUser({ ...data, role: "READER" });
    return { email: user.email };
  } catch (error) {
    if (isEmailTaken(error)) return { email: data.email.trim().toLowerCase() };
    throw error;
  }
}
