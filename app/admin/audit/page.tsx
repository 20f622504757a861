import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { auditFilter, auditTargetLabels, listAuditEntries } from "@/lib/audit/list-audit-entries";
import { formatDateTime } from "@/components/format";
import { Pager, queryString } from "@/components/admin-tabs";
import { DataTable, ResultCount } from "@/components/data-table";
import { FilterSelect } from "@/components/filter-select";

export const metadata: Metadata = { title: "Audit log" };

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("audit.read", "/admin/audit");
  const filter = auditFilter.parse(await searchParams);
  const { entries, total, pages, actions } = await listAuditEntries(actor, filter);
  const labels = await auditTargetLabels(entries);
  return (
    <>
      <div className="page-heading">
        <h1>Audit log</h1>
        <p className="meta">Every moderation and administrative action, newest first. Entries cannot be edited or deleted. Times are UTC.</p>
      </div>
      <form className="filter-bar" method="get" role="search" aria-label="Filter the audit log">
        <label htmlFor="audit-actor">Who (username or email)</label>
        <input id="audit-actor" name="actor" type="search" defaultValue={filter.actor ?? ""} />
        <FilterSelect id="audit-action" name="action" label="Action" value={filter.action} options={actions.map((a) => ({ value: a, label: a }))} />
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        <button type="submit" className="secondary">
          Filter
        </button>
        {filter.actor || filter.action || filter.from || filter.to ? <Link href="/admin/audit">Clear</Link> : null}
      </form>
      <ResultCount total={total} one="entry" many="entries" />
      <DataTable columns={["When", "Who", "Action", "Object", "Changes (before → after)"]} className="audit-table">
          {entries.map((entry) => {
            const changes = (entry.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
            return (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
                </td>
                <td>{entry.actor ? `${entry.actor.displayName} (@${entry.actor.username})` : "System"}</td>
                <td>
                  <code>{entry.action}</code>
                </td>
                <td>
                  {entry.targetType}: {labels.get(`${entry.targetType}:${entry.targetId}`) ?? <span className="meta">{entry.targetId} (deleted)</span>}
                </td>
                <td>
                  <dl className="changes">
                    {Object.entries(changes).map(([field, change]) => (
                      <div key={field}>
                        <dt>{field}</dt>
                        <dd>
                          <span className="before">{show(change?.from)}</span> → <span className="after">{show(change?.to)}</span>
                        </dd>
                      </div>
                    ))}
                  </dl>
                </td>
              </tr>
            );
          })}
        </DataTable>
      <Pager page={filter.page} pages={pages} href={(page) => `/admin/audit${queryString({ ...filter, page })}`} />
    </>
  );
}
