import { db, type DbOrTx } from "@/lib/db";

/**
 * Per-account protection against password guessing that cannot be turned into
 * a lock-out: the first few failures cost nothing, then every further attempt
 * must wait a delay that doubles per failure, capped at 15 minutes. Only
 * failures count; the right password after the delay signs in and resets the
 * count. Admins can clear it from /admin/users (lib/users/clear-sign-in-lock.ts).
 *
 * Keyed by the email typed, known or not, so the answers reveal nothing about
 * which accounts exist.
 */
export const SIGN_IN_BACKOFF = {
  freeFailures: 5,
  maxDelaySeconds: 15 * 60,
  // A quiet day and the count starts again.
  forgetAfterSeconds: 24 * 60 * 60,
};

export const signInAccountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;

/** Seconds to wait after `failures` failed attempts. */
export function delayAfterFailures(failures: number): number {
  if (failures < SIGN_IN_BACKOFF.freeFailures) return 0;
  return Math.min(2 ** failures, SIGN_IN_BACKOFF.maxDelaySeconds);
}

export type SignInClaim = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Reserves one password check for an account, or refuses while its delay runs.
 * The attempt is counted as a failure up front, in the same statement that
 * decides (the row is locked by the upsert), so parallel attempts cannot all
 * pass: once the reservations reach the free allowance the next delay starts
 * and the rest are refused. A successful check calls `resetSignInBackoff`.
 */
export async function claimSignInAttempt(key: string): Promise<SignInClaim> {
  const { freeFailures, maxDelaySeconds, forgetAfterSeconds } = SIGN_IN_BACKOFF;
  // `previous` is the stored count, forgotten after a quiet day.
  const previous = `CASE WHEN "SignInBackoff"."lastAttemptAt" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${forgetAfterSeconds}) THEN 0 ELSE "SignInBackoff"."failures" END`;
  const rows = await db().$queryRawUnsafe<{ failures: number }[]>(
    `INSERT INTO "SignInBackoff" ("key", "failures", "blockedUntil", "lastAttemptAt")
     VALUES ($1, 1, (now() AT TIME ZONE 'UTC') + make_interval(secs => $2), now() AT TIME ZONE 'UTC')
     ON CONFLICT ("key") DO UPDATE SET
       "failures" = ${previous} + 1,
       "blockedUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs =>
         CASE WHEN ${previous} + 1 < ${freeFailures} THEN 0 ELSE LEAST(power(2, ${previous} + 1), ${maxDelaySeconds}) END),
       "lastAttemptAt" = now() AT TIME ZONE 'UTC'
     WHERE "SignInBackoff"."blockedUntil" <= (now() AT TIME ZONE 'UTC')
     RETURNING "failures"`,
    key,
    delayAfterFailures(1),
  );
  if (rows.length > 0) return { allowed: true };
  const row = await db().signInBackoff.findUnique({ where: { key }, select: { blockedUntil: true } });
  const retryAfterSeconds = Math.max(1, Math.ceil(((row?.blockedUntil.getTime() ?? Date.now()) - Date.now()) / 1000));
  return { allowed: false, retryAfterSeconds };
}

export async function resetSignInBackoff(key: string, tx: DbOrTx = db()): Promise<number> {
  const { count } = await tx.signInBackoff.deleteMany({ where: { key } });
  return count;
}
