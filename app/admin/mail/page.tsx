import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listMail, mailListFilter } from "@/lib/mail/list-mail";
import { formatDateTime } from "@/components/format";
import { Pager, queryString } from "@/components/admin-tabs";
import { DataTable, ResultCount } from "@/components/data-table";

export const metadata: Metadata = { title: "Mail" };
export const dynamic = "force-dynamic";

const KIND_LABELS: Record<string, string> = { "password-reset": "Password reset", invite: "Invitation", "comment-digest": "Comment digest" };
const STATUS_FILTERS = [
  { value: "", label: "All" },
  { value: "QUEUED", label: "Queued" },
  { value: "SENT", label: "Sent" },
  { value: "FAILED", label: "Failed" },
] as const;

function statusText(m: { status: string; transport: string | null; attempts: number }): { label: string; className: string } {
  if (m.status === "FAILED") return { label: "Failed", className: "status-REJECTED" };
  if (m.status === "SENT") return m.transport === "outbox" ? { label: "In outbox", className: "status-IN_REVIEW" } : { label: "Sent", className: "status-PUBLISHED" };
  return m.attempts > 0 ? { label: "Retrying", className: "status-REJECTED" } : { label: "Queued", className: "status-DRAFT" };
}

export default async function AdminMailPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("mail.read", "/admin/mail");
  const filter = mailListFilter.parse(await searchParams);
  const { messages, total, pages, counts, smtpConfigured } = await listMail(actor, filter);
  return (
    <>
      <div className="page-heading">
        <h1>Mail</h1>
        <p className="meta">
          {smtpConfigured
            ? "Every email the site sends goes through a queue and is handed to the SMTP server in SMTP_URL, with up to 10 attempts over about 3½ hours. Content is not shown here."
            : "SMTP_URL is not set, so nothing leaves the site: messages stay here. Open one to read it and pass its link on to the person it is for."}{" "}
          Times are UTC.
        </p>
      </div>
      <ul className="mail-counts" aria-label="Mail totals">
        <li>
          <strong>{counts.FAILED}</strong> failed
        </li>
        <li>
          <strong>{counts.retrying}</strong> retrying after an error
        </li>
        <li>
          <strong>{counts.QUEUED}</strong> queued
        </li>
        <li>
          <strong>{counts.SENT}</strong> {smtpConfigured ? "sent" : "delivered (sent or in the outbox)"}
        </li>
      </ul>
      <nav className="filter-bar" aria-label="Filter by status">
        {STATUS_FILTERS.map((s) => (
          <Link key={s.value} href={`/admin/mail${queryString({ status: s.value || undefined })}`} aria-current={(filter.status ?? "") === s.value ? "page" : undefined}>
            {s.label}
          </Link>
        ))}
      </nav>
      <ResultCount total={total} one="message" />
      <DataTable columns={["Message", "Status", "Attempts", "Queued", "Sent"]} className="mail-table">
          {messages.map((m) => {
            const status = statusText(m);
            return (
              <tr key={m.id}>
                <td>
                  <strong>{m.subject}</strong>
                  <div className="meta">
                    {KIND_LABELS[m.kind] ?? m.kind} · to {m.to}
                  </div>
                  {m.text !== null ? (
                    <details className="mail-content">
                      <summary>
                        Read<span className="visually-hidden"> “{m.subject}” to {m.to}</span>
                      </summary>
                      <pre>{m.text}</pre>
                    </details>
                  ) : null}
                </td>
                <td>
                  <span className={`status ${status.className}`}>{status.label}</span>
                  {m.lastError ? <div className="meta mail-error">Last error: {m.lastError}</div> : null}
                </td>
                <td>{m.attempts}</td>
                <td>{formatDateTime(m.createdAt)}</td>
                <td>{m.sentAt ? formatDateTime(m.sentAt) : "—"}</td>
              </tr>
            );
          })}
        </DataTable>
      <Pager page={filter.page} pages={pages} href={(page) => `/admin/mail${queryString({ ...filter, page })}`} />
    </>
  );
}
