import crypto from "node:crypto";

/** Reset links are valid this long and only once. */
export const PASSWORD_RESET_TTL_MS = 24 * 60 * 60 * 1000;

/** 32 random bytes, URL-safe. Only its SHA-256 is stored. */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: hashResetToken(token) };
}

export function hashResetToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}
