import { z } from "zod";
import { createUser } from "@/lib/users/create-user";
import { hitRateLimit, minutesText } from "@/lib/auth/rate-limit";
import { AppError } from "@/lib/errors";

export const registerInput = z.object({
  displayName: z.string(),
  username: z.string(),
  email: z.string(),
  password: z.string(),
});

export const REGISTER_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

/** Self-service sign-up: always a READER (editors promote people), rate limited per IP. */
export async function registerUser(input: z.input<typeof registerInput>, ip: string) {
  const data = registerInput.parse(input);
  const rate = await hitRateLimit(`register:ip:${ip}`, REGISTER_LIMIT.limit, REGISTER_LIMIT.windowSeconds);
  if (!rate.allowed) throw new AppError("RATE_LIMITED", `Too many new accounts from your network. Try again in ${minutesText(rate.retryAfterSeconds)}.`);
  return createUser({ ...data, role: "READER" });
}
