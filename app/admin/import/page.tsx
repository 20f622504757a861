import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { IMPORT_FORMATS } from "@/lib/import/formats";
import { getImportRun, listImportRuns } from "@/lib/import/start-import";
import { formatDateTime } from "@/components/format";
import { ImportForm, ImportRunWatcher } from "@/components/admin-import";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Import" };
export const dynamic = "force-dynamic";

const STATUS_LABEL: Record<string, string> = { queued: "Queued", running: "Running", succeeded: "Finished", failed: "Failed" };

export default async function AdminImportPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("site.import", "/admin/import");
  const { run: runId } = await searchParams;
  const [runs, shown] = await Promise.all([listImportRuns(actor), runId ? getImportRun(actor, runId).catch(() => null) : null]);
  const formats = Object.entries(IMPORT_FORMATS).map(([value, f]) => ({ value, label: f.label, accept: f.accept }));
  return (
    <>
      <div className="page-heading">
        <h1>Import</h1>
        <p className="meta">
          Move a WordPress or Ghost site here with its posts, authors, sections, tags, images, comments and old addresses. Importing the same file again changes nothing, and continues an import that was interrupted. Old addresses are listed under <Link href="/admin/redirects">Old addresses</Link>.
        </p>
      </div>
      {shown ? (
        <section aria-label={`Import of ${shown.fileName}`}>
          <h2>
            {shown.fileName} ({shown.format}
            {shown.dryRun ? ", dry run" : ""})
          </h2>
          <ImportRunWatcher initial={shown} />
          <p>
            <Link href="/admin/import">New import</Link>
          </p>
        </section>
      ) : (
        <ImportForm formats={formats} maxMb={env().IMPORT_MAX_MB} />
      )}
      {runs.length ? (
        <section aria-label="Earlier imports">
          <h2>Earlier imports</h2>
          <DataTable columns={["File", "Format", "Status", "Started"]}>
              {runs.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/admin/import?run=${r.id}`}>{r.fileName}</Link>
                    {r.dryRun ? " (dry run)" : ""}
                  </td>
                  <td>{r.format}</td>
                  <td>{r.status === "running" ? `Running: ${r.done} of ${r.total}` : (STATUS_LABEL[r.status] ?? r.status)}</td>
                  <td>{formatDateTime(new Date(r.createdAt))}</td>
                </tr>
              ))}
            </DataTable>
        </section>
      ) : null}
    </>
  );
}
