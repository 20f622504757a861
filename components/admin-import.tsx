"use client";

import { useEffect, useState } from "react";
import type { ImportReport } from "@/lib/import/run-import";
import type { ImportRunView } from "@/lib/import/start-import";
import { Field, Form, SubmitButton, type FormState } from "@/components/form";

/** The parts of an import report this page shows, and a run as /api/import reports it (types only: lib/import). */
export type ImportReportData = Omit<ImportReport, "format" | "source" | "fileName">;
export type ImportRunData = Omit<ImportRunView, "report" | "createdAt" | "finishedAt"> & { report: unknown };

// In this order, whatever order the stored report's keys come back in (jsonb sorts them).
const STATUS_WORDS: [string, string][] = [
  ["PUBLISHED", "published"],
  ["SCHEDULED", "scheduled"],
  ["IN_REVIEW", "in review"],
  ["DRAFT", "drafts"],
];

function byStatus(counts: Record<string, number>): string {
  return STATUS_WORDS.filter(([s]) => counts[s])
    .map(([s, word]) => `${counts[s]} ${word}`)
    .join(", ");
}

export function ImportReportView({ report }: { report: ImportReportData }) {
  const c = report.counts;
  const verb = report.dryRun ? "would be imported" : "imported";
  return (
    <section className="import-report" aria-label="Import report">
      <h2>{report.dryRun ? "Dry run: nothing was changed" : "Report"}</h2>
      <table className="data-table">
        <tbody>
          <tr>
            <th scope="row">Posts</th>
            <td>
              {c.posts.created} {verb}
              {byStatus(c.posts.byStatus) ? ` (${byStatus(c.posts.byStatus)})` : ""}, {c.posts.existing} already here
            </td>
          </tr>
          <tr>
            <th scope="row">Authors</th>
            <td>
              {c.users.created} {verb}, {c.users.existing} already here
            </td>
          </tr>
          <tr>
            <th scope="row">Comments</th>
            <td>
              {c.comments.created} {verb} ({c.commenters.created} new commenters), {c.comments.existing} already here
            </td>
          </tr>
          <tr>
            <th scope="row">Sections and tags</th>
            <td>
              {c.sections.created} sections and {c.tags.created} tags {verb}; {c.sections.existing + c.tags.existing} already here
            </td>
          </tr>
          <tr>
            <th scope="row">Images</th>
            <td>
              {c.media.uploaded} {report.dryRun ? "would be uploaded" : "uploaded"}, {c.media.existing} already here, {c.media.missing} missing, {c.media.rejected} refused
            </td>
          </tr>
          <tr>
            <th scope="row">Old addresses</th>
            <td>
              {c.redirects.created} {report.dryRun ? "would be mapped" : "mapped"}, {c.redirects.existing} already mapped
              {c.redirects.conflicting ? `, ${c.redirects.conflicting} already pointing elsewhere (kept)` : ""}
            </td>
          </tr>
          <tr>
            <th scope="row">Time</th>
            <td>{(report.durationMs / 1000).toFixed(1)} s</td>
          </tr>
        </tbody>
      </table>
      {report.notes.length ? (
        <ul>
          {report.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
      {report.skipped.length ? (
        <details open={report.skipped.length <= 20}>
          <summary>Skipped ({report.skipped.length})</summary>
          <ul>
            {report.skipped.map((s) => (
              <li key={`${s.kind}-${s.sourceId}`}>
                {s.kind} {s.sourceId} “{s.title}”: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.missingMedia.length ? (
        <details open={report.missingMedia.length <= 20}>
          <summary>Images not found in the media archive ({report.missingMedia.length}): the posts keep their old addresses</summary>
          <ul>
            {report.missingMedia.map((url) => (
              <li key={url}>
                <code>{url}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.rejectedMedia.length ? (
        <details>
          <summary>Images refused ({report.rejectedMedia.length})</summary>
          <ul>
            {report.rejectedMedia.map((r) => (
              <li key={r.url}>
                <code>{r.url}</code>: {r.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.postNotes.length ? (
        <details open={report.postNotes.length <= 20}>
          <summary>Content that could not be kept as it was ({report.postNotes.length} posts)</summary>
          <ul>
            {report.postNotes.map((p) => (
              <li key={p.sourceId}>
                “{p.title}”: {p.notes.join("; ")}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.redirectSample.length ? (
        <details>
          <summary>Old addresses mapped (first {report.redirectSample.length}; all of them under Old addresses)</summary>
          <ul>
            {report.redirectSample.map((r) => (
              <li key={r.from}>
                <code>{r.from}</code> → <a href={r.to}>{r.to}</a>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function RunProgress({ run }: { run: ImportRunData }) {
  if (run.status === "failed")
    return (
      <p className="form-error" role="alert">
        The import of {run.fileName} stopped: {run.error ?? "unknown error"}
      </p>
    );
  if (run.status === "succeeded") return run.report ? <ImportReportView report={run.report as ImportReportData} /> : null;
  const label = run.status === "queued" ? "Reading the file…" : run.phase === "posts" ? `Importing posts: ${run.done} of ${run.total}` : `Importing ${run.phase || "…"}`;
  return (
    <div role="status" className="import-progress">
      <p>{label}</p>
      <progress max={Math.max(run.total, 1)} value={run.phase === "posts" ? run.done : 0} aria-label="Import progress" />
    </div>
  );
}

/** Follows one run until it finishes (polling its row every second). */
export function ImportRunWatcher({ initial }: { initial: ImportRunData }) {
  const [run, setRun] = useState(initial);
  useEffect(() => {
    if (run.status === "succeeded" || run.status === "failed") return;
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/import/${encodeURIComponent(run.id)}`, { cache: "no-store" });
        const body = (await response.json()) as { ok: boolean; run?: ImportRunData };
        if (body.ok && body.run) setRun(body.run);
        else setRun({ ...run });
      } catch {
        setRun({ ...run });
      }
    }, 1000);
    return () => clearTimeout(timer);
  }, [run]);
  return <RunProgress run={run} />;
}

export function ImportForm({ formats, maxMb }: { formats: { value: string; label: string; accept: string }[]; maxMb: number }) {
  const [format, setFormat] = useState(formats[0]?.value ?? "");
  const [run, setRun] = useState<ImportRunData | null>(null);

  async function upload(_previous: FormState, form: FormData): Promise<FormState> {
    try {
      const response = await fetch("/api/import", { method: "POST", body: form });
      const body = (await response.json().catch(() => ({}))) as { ok?: boolean; runId?: string; error?: string; fieldErrors?: Record<string, string[]> };
      if (!response.ok || !body.runId) return { ok: false, message: body.error ?? `The upload failed (${response.status}).`, fieldErrors: body.fieldErrors };
      const file = form.get("file");
      setRun({ id: body.runId, format, fileName: file instanceof File ? file.name : "export", dryRun: false, status: "queued", phase: "", done: 0, total: 0, error: null, report: null });
      return { ok: true };
    } catch {
      return { ok: false, message: "The upload did not reach the server. Check the connection and try again." };
    }
  }

  const accept = formats.find((f) => f.value === format)?.accept;
  const running = run !== null && run.status !== "succeeded" && run.status !== "failed";
  return (
    <>
      <Form action={upload} className="admin-form" label="Import a site" showSuccess={false} disabled={running}>
        <Field name="format" label="Exported from" className="import-field">
          <select id="import-format" value={format} onChange={(e) => setFormat(e.target.value)}>
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </Field>
        <Field name="file" label="Export file" className="import-field">
          <input id="import-file" type="file" accept={accept} required />
        </Field>
        <Field name="media" label="Media archive (optional: .zip or .tar.gz of wp-content/uploads or content/images)" className="import-field">
          <input id="import-media" type="file" accept=".zip,.tar.gz,.tgz,.tar,application/zip,application/gzip" />
        </Field>
        <p className="meta">Up to {maxMb} MB together. Larger sites: run npm run import on the server.</p>
        {format === "wordpress" ? (
          <label className="checkbox">
            <input type="checkbox" name="pages" /> Import pages too (as posts in a “Pages” section)
          </label>
        ) : null}
        <label className="checkbox">
          <input type="checkbox" name="dryRun" /> Dry run: report what would happen, change nothing
        </label>
        <SubmitButton pending="Uploading…">Import</SubmitButton>
      </Form>
      {run ? <ImportRunWatcher key={run.id} initial={run} /> : null}
    </>
  );
}
