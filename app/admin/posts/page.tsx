import Link from "next/link";
import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";
import { editorialPostsFilter, listEditorialPosts } from "@/lib/posts/editorial/list-editorial-posts";
import { DISPLAY_STATUS_LABELS, displayStatus } from "@/lib/posts/display-status";
import { formatDateTime } from "@/components/format";
import { ActionButton } from "@/components/admin-action-button";
import { AdminTabs, Pager, queryString } from "@/components/admin-tabs";
import { archiveAction, dismissPostReportsAction, featureAction, hideAction, restoreArchivedAction, unpublishAction } from "./actions";
import { DataTable, ResultCount } from "@/components/data-table";

export const metadata: Metadata = { title: "Posts" };

const VIEWS = [
  { view: "published", label: "Published & scheduled" },
  { view: "reported", label: "Reported" },
  { view: "hidden", label: "Hidden" },
  { view: "archived", label: "Archived" },
] as const;

export default async function AdminPostsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("post.editAny", "/admin/posts");
  const filter = editorialPostsFilter.parse(await searchParams);
  const { posts, total, pages } = await listEditorialPosts(actor, filter);
  const href = (p: Partial<typeof filter>) => `/admin/posts${queryString({ ...filter, page: undefined, ...p })}`;
  return (
    <>
      <div className="page-heading">
        <h1>Posts</h1>
        <p className="meta">Unpublish, archive, feature or hide any author&apos;s posts. Changes to someone else&apos;s published post keep a revision.</p>
      </div>
      <AdminTabs label="Post views" tabs={VIEWS.map((v) => ({ href: `/admin/posts${queryString({ view: v.view })}`, label: v.label, current: filter.view === v.view }))} />
      <form className="filter-bar" method="get" role="search" aria-label="Filter posts">
        <input type="hidden" name="view" value={filter.view} />
        <label htmlFor="posts-q">Title contains</label>
        <input id="posts-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        <button type="submit" className="secondary">
          Filter
        </button>
      </form>
      <ResultCount total={total} one="post" />
      {posts.length === 0 ? (
        <p>No posts here.</p>
      ) : (
        <DataTable columns={["Post", "Status", "Reports", "Actions"]}>
            {posts.map((post) => {
              const status = displayStatus(post);
              const name = `“${post.title}”`;
              return (
                <tr key={post.id}>
                  <td>
                    {status === "PUBLISHED" && !post.hiddenAt ? <Link href={`/posts/${post.slug}`}>{post.title}</Link> : <strong>{post.title}</strong>}
                    <div className="meta">
                      {post.author.displayName}
                      {post.publishedAt ? ` · ${formatDateTime(post.publishedAt)}` : ""} · {post._count.comments} comment{post._count.comments === 1 ? "" : "s"}
                    </div>
                  </td>
                  <td>
                    <span className={`status status-${status}`}>{DISPLAY_STATUS_LABELS[status]}</span>
                    {post.featured ? <span className="status status-featured">Featured</span> : null}
                    {post.hiddenAt ? <span className="status status-hidden">Hidden</span> : null}
                  </td>
                  <td>
                    {post._count.reports > 0 ? (
                      <details>
                        <summary>
                          {post._count.reports} open report{post._count.reports === 1 ? "" : "s"}
                        </summary>
                        <ul className="plain-list">
                          {post.reports.map((r) => (
                            <li key={r.id}>
                              “{r.reason}” — {r.reporter.displayName}
                            </li>
                          ))}
                        </ul>
                        <ActionButton action={dismissPostReportsAction} fields={{ postId: post.id }} variant="secondary" about={`on ${name}`}>
                          Dismiss reports
                        </ActionButton>
                      </details>
                    ) : (
                      <span className="meta">None</span>
                    )}
                  </td>
                  <td>
                    <div className="row-actions">
                      <Link className="button secondary" href={`/admin/posts/${post.id}/edit`} aria-label={`Edit ${name}`}>
                        Edit
                      </Link>
                      {post.status === "PUBLISHED" && can(actor, "post.feature") ? (
                        <ActionButton action={featureAction} fields={{ postId: post.id, featured: String(!post.featured) }} variant="secondary" about={name}>
                          {post.featured ? "Unfeature" : "Feature"}
                        </ActionButton>
                      ) : null}
                      {can(actor, "post.hide") ? (
                        <ActionButton action={hideAction} fields={{ postId: post.id, hidden: String(!post.hiddenAt) }} variant="secondary" about={name}>
                          {post.hiddenAt ? "Unhide" : "Hide pending review"}
                        </ActionButton>
                      ) : null}
                      {post.status === "PUBLISHED" ? (
                        <ActionButton action={unpublishAction} fields={{ postId: post.id }} variant="secondary" confirm={`Unpublish ${name}? It becomes a draft.`} about={name}>
                          Unpublish
                        </ActionButton>
                      ) : null}
                      {post.status === "ARCHIVED" && can(actor, "post.deleteAny") ? (
                        <ActionButton action={restoreArchivedAction} fields={{ postId: post.id }} variant="secondary" about={name}>
                          Restore as draft
                        </ActionButton>
                      ) : null}
                      {post.status !== "ARCHIVED" ? (
                        <ActionButton action={archiveAction} fields={{ postId: post.id }} variant="danger" confirm={`Archive ${name}? Readers will no longer see it.`} about={name}>
                          Archive
                        </ActionButton>
                      ) : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </DataTable>
      )}
      <Pager page={filter.page} pages={pages} href={(page) => href({ page })} />
    </>
  );
}
