import "server-only";
import type { Tx } from "@/lib/db";
import type { MailContent } from "@/lib/mail/templates";

/** The queue task that delivers one MailMessage (lib/jobs/worker.ts). */
export const SEND_MAIL_TASK = "send-mail";
/**
 * graphile-worker retries after e^attempt seconds: 10 attempts spread over
 * about 3½ hours before a message counts as failed.
 */
export const MAIL_MAX_ATTEMPTS = 10;

export type MailKind = "password-reset" | "invite" | "comment-digest";

/**
 * Records a message and queues its delivery in the caller's transaction:
 * graphile-worker's `add_job` is plain SQL, so the job exists exactly when the
 * rest of the transaction (a reset token, an invited account) commits, and
 * never without it. Sending happens later, in the worker; no request waits for
 * an SMTP server.
 */
export async function enqueueMail(
  tx: Tx,
  message: MailContent & { kind: MailKind; to: string; userId?: string | null; sensitive?: boolean; dedupeKey?: string },
): Promise<{ id: string }> {
  const row = await tx.mailMessage.create({
    data: {
      kind: message.kind,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      sensitive: message.sensitive ?? false,
      userId: message.userId ?? null,
      dedupeKey: message.dedupeKey ?? null,
    },
    select: { id: true },
  });
  await tx.$executeRaw`SELECT graphile_worker.add_job(${SEND_MAIL_TASK}, json_build_object('messageId', ${row.id}::text), max_attempts => ${MAIL_MAX_ATTEMPTS}::int, job_key => ${`mail:${row.id}`}::text)`;
  return row;
}
