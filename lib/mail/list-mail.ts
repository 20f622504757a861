import "server-only";
import { z } from "zod";
import { pageNumber } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const mailListFilter = z.object({
  status: z.enum(["QUEUED", "SENT", "FAILED"]).optional().catch(undefined),
  page: pageNumber(),
});
export type MailListFilter = z.infer<typeof mailListFilter>;
export const MAIL_PER_PAGE = 30;

/**
 * The outbox (/admin/mail): every message, newest first, with its status,
 * attempts and last error, and the counts an admin watches (failed messages,
 * failed attempts still being retried). Without SMTP_URL nothing leaves the
 * site, so the content is included for an admin to pass a link on; with SMTP
 * it is not (one-time links are erased once delivered anyway).
 */
export async function listMail(actor: Actor, filter: MailListFilter) {
  assertCan(actor, "mail.read");
  const where: Prisma.MailMessageWhereInput = filter.status ? { status: filter.status } : {};
  const showContent = !env().SMTP_URL;
  const [messages, total, byStatus, retrying] = await Promise.all([
    db().mailMessage.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(filter.page, MAIL_PER_PAGE),
      select: {
        id: true,
        kind: true,
        to: true,
        subject: true,
        status: true,
        transport: true,
        attempts: true,
        lastError: true,
        lastAttemptAt: true,
        sentAt: true,
        createdAt: true,
        text: showContent,
      },
    }),
    db().mailMessage.count({ where }),
    db().mailMessage.groupBy({ by: ["status"], _count: { _all: true } }),
    db().mailMessage.count({ where: { status: "QUEUED", attempts: { gt: 0 } } }),
  ]);
  const counts = { QUEUED: 0, SENT: 0, FAILED: 0 };
  for (const row of byStatus) counts[row.status] = row._count._all;
  return {
    messages: messages.map((m) => ({ ...m, text: showContent ? (m.text ?? null) : null })),
    total,
    pages: pageCount(total, MAIL_PER_PAGE),
    counts: { ...counts, retrying },
    smtpConfigured: !showContent,
  };
}

/** For the admin dashboard and nav: messages that gave up. */
export async function failedMailCount(): Promise<number> {
  return db().mailMessage.count({ where: { status: "FAILED" } });
}
