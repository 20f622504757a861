import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { listLegacyRedirects, redirectListFilter } from "@/lib/redirects/list-legacy-redirects";
import { formatDateTime } from "@/components/format";
import { Pager, queryString } from "@/components/admin-tabs";
import { ActionButton } from "@/components/admin-action-button";
import { deleteRedirectAction } from "./actions";
import { DataTable, ResultCount } from "@/components/data-table";

export const metadata: Metadata = { title: "Old addresses" };
export const dynamic = "force-dynamic";

export default async function AdminRedirectsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("site.import", "/admin/redirects");
  const filter = redirectListFilter.parse(await searchParams);
  const { redirects, total, pages } = await listLegacyRedirects(actor, filter);
  return (
    <>
      <div className="page-heading">
        <h1>Old addresses</h1>
        <p className="meta">
          Addresses of the old site that imports mapped to pages here. Readers and search engines asking for one get a permanent redirect (308). Times are UTC. See also <Link href="/admin/import">Import</Link>.
        </p>
      </div>
      <form className="filter-bar" method="get" role="search" aria-label="Search old addresses">
        <label htmlFor="redirects-q">Address contains</label>
        <input id="redirects-q" type="search" name="q" defaultValue={filter.q ?? ""} />
        <button type="submit">Search</button>
      </form>
      <ResultCount total={total} one="old address" many="old addresses" />
      {redirects.length === 0 ? (
        <p>No old addresses{filter.q ? " match" : " yet: import a WordPress or Ghost site to map its addresses"}.</p>
      ) : (
        <DataTable columns={["Old address", "Redirects to", "From import", "Added", { hidden: "Actions" }]}>
            {redirects.map((r) => (
              <tr key={r.id}>
                <td>
                  <code>{r.path}</code>
                </td>
                <td>
                  <a href={r.target}>{r.target}</a>
                </td>
                <td>{r.importRun ? <Link href={`/admin/import?run=${r.importRun.id}`}>{r.importRun.fileName}</Link> : "—"}</td>
                <td>{formatDateTime(r.createdAt)}</td>
                <td>
                  <ActionButton action={deleteRedirectAction} fields={{ id: r.id }} variant="danger" confirm={`Stop redirecting ${r.path}?`} about={r.path}>
                    Delete
                  </ActionButton>
                </td>
              </tr>
            ))}
          </DataTable>
      )}
      <Pager page={filter.page} pages={pages} href={(page) => `/admin/redirects${queryString({ q: filter.q, page })}`} previous="← Newer" next="Older →" />
    </>
  );
}
