import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/** How far back a failed delivery still says "the mail server is down right now". */
const RECENT_MS = 30 * 60 * 1000;

/**
 * Whether the SMTP server looked unreachable at the latest delivery attempt
 * (of any message, in the last 30 minutes). It says nothing about any one
 * account, so forms that must not reveal whether an address exists can still
 * warn that mail is delayed.
 */
export async function mailDeliveryTrouble(now = new Date()): Promise<{ since: Date; error: string } | null> {
  if (!env().SMTP_URL) return null;
  const latest = await db().mailMessage.findFirst({
    where: { lastAttemptAt: { gte: new Date(now.getTime() - RECENT_MS) } },
    orderBy: { lastAttemptAt: "desc" },
    select: { lastError: true, lastAttemptAt: true },
  });
  if (!latest?.lastError || !latest.lastAttemptAt) return null;
  return { since: latest.lastAttemptAt, error: latest.lastError };
}
