import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { describeMailError, mailFrom, mailTransport } from "@/lib/mail/transport";

/** What a delivered message that carried a one-time link keeps of its text. */
export const ERASED_TEXT = "(Content erased after delivery: it contained a one-time link.)";

export class MailDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MailDeliveryError";
  }
}

/**
 * The send-mail job: hands one message to the SMTP server, or without
 * SMTP_URL leaves it in the outbox for an admin (and prints it in
 * development). Every attempt is counted on the row; a failure is recorded and
 * rethrown so the queue retries, and the last allowed attempt marks the
 * message FAILED. A message already sent is not sent again (a job that ran
 * twice after a crash).
 */
export async function deliverMail(messageId: string, job: { attempt: number; maxAttempts: number }): Promise<"sent" | "outbox" | "skipped"> {
  const message = await db().mailMessage.findUnique({ where: { id: messageId } });
  if (!message || message.status === "SENT") return "skipped";
  const transport = mailTransport();
  const now = new Date();
  if (!transport) {
    await db().mailMessage.update({
      where: { id: message.id },
      data: { status: "SENT", transport: "outbox", attempts: { increment: 1 }, lastAttemptAt: now, sentAt: now, lastError: null },
    });
    if (env().NODE_ENV === "development") {
      console.log(`\n[mail] No SMTP_URL: kept in the outbox (/admin/mail).\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}\n`);
    }
    return "outbox";
  }
  try {
    await transport.sendMail({ from: mailFrom(), to: message.to, subject: message.subject, text: message.text, html: message.html });
  } catch (error) {
    const reason = describeMailError(error);
    const final = job.attempt >= job.maxAttempts;
    await db().mailMessage.update({
      where: { id: message.id },
      data: { status: final ? "FAILED" : "QUEUED", attempts: { increment: 1 }, lastAttemptAt: new Date(), lastError: reason },
    });
    throw new MailDeliveryError(`Mail ${message.id} to the SMTP server failed (attempt ${job.attempt} of ${job.maxAttempts}): ${reason}`);
  }
  await db().mailMessage.update({
    where: { id: message.id },
    data: {
      status: "SENT",
      transport: "smtp",
      attempts: { increment: 1 },
      lastAttemptAt: new Date(),
      sentAt: new Date(),
      lastError: null,
      // The link now lives in the recipient's mailbox; the database keeps only its hash.
      ...(message.sensitive ? { text: ERASED_TEXT, html: `<p>${ERASED_TEXT}</p>` } : {}),
    },
  });
  return "sent";
}
