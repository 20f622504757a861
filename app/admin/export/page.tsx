import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Export" };

/** Download the whole site as one archive (lib/export); the same archive `npm run export` writes. */
export default async function ExportPage() {
  await requirePageActor("site.export", "/admin/export");
  return (
    <>
      <div className="page-heading">
        <h1>Export the site</h1>
        <p className="meta">One archive with everything a restore needs. The download is recorded in the audit log.</p>
      </div>
      <section aria-labelledby="export-contents">
        <h2 id="export-contents">What the archive holds</h2>
        <ul>
          <li>Every post with its revisions and unpublished changes, categories, tags and redirects.</li>
          <li>Every account (email, name, role, profile) <strong>without passwords</strong>: after a restore, people choose a new one with “Forgot password?”.</li>
          <li>Comments, reports, site settings and the audit log.</li>
          <li>The original of every uploaded image.</li>
        </ul>
        <p>
          It contains every account&apos;s email address and every draft: keep it as private as the database. Restore it into an empty site with{" "}
          <code>npm run import:broadsheet -- &lt;archive&gt;</code> (README, “Backup and restore”). Large sites take a while to pack: the download starts when the archive is ready.
        </p>
        <form method="post" action="/admin/export/download">
          <button type="submit" className="button">
            Download export (.tar.gz)
          </button>
        </form>
      </section>
    </>
  );
}
