import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

/** argon2id with OWASP's recommended parameters (19 MiB, 2 passes). */
// algorithm 2 = Argon2id (a const enum in the typings, which isolatedModules cannot read).
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/auth/password-rules";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

let commonPasswords: Set<string> | undefined;

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  // "password123456" is as weak as "password": also strip trailing digits/symbols.
  return commonPasswords.has(lower) || commonPasswords.has(lower.replace(/[\d!@#$%^&*.]+$/, ""));
}

/** Returns the problem with a password, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string; username?: string } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Use at most ${MAX_PASSWORD_LENGTH} characters.`;
  if (new Set(password).size < 4) return "That password is too repetitive.";
  if (isCommonPassword(password)) return "That password is too common; choose one that is harder to guess.";
  const lower = password.toLowerCase();
  for (const value of [context.email?.split("@")[0], context.username]) {
    if (value && value.length >= 4 && lower.includes(value.toLowerCase())) return "Don't use your username or email in your password.";
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps sign-in for an unknown email as slow as for a known one.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("not-a-real-password-0123456789");
  await verifyPassword(await dummyHash, password);
}
