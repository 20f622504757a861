import Link from "next/link";
import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { canOnPost } from "@/lib/authz/permissions";
import { listMyPosts, myPostsFilter } from "@/lib/posts/list-my-posts";
import { displayStatus, DISPLAY_STATUS_LABELS, type DisplayStatus } from "@/lib/posts/display-status";
import { formatDateTime } from "@/components/format";
import { PostRowActions } from "@/components/dashboard/post-row-actions";
import { NewPostForm } from "@/components/editor/new-post-form";
import { deletePostAction, newPostAction, restoreArchivedAction } from "@/app/dashboard/posts/actions";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "My Posts", robots: { index: false } };

const FILTERS: DisplayStatus[] = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "REJECTED", "ARCHIVED"];

export default async function MyPostsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("dashboard.access", "/dashboard/posts");
  const filter = myPostsFilter.parse(await searchParams);
  const { posts, total, pages } = await listMyPosts(actor, filter);
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    if (filter.status) params.set("status", filter.status);
    if (filter.q) params.set("q", filter.q);
    if (page > 1) params.set("page", String(page));
    const query = params.toString();
    return `/dashboard/posts${query ? `?${query}` : ""}`;
  };
  const filtered = !!(filter.status || filter.q);
  return (
    <>
      <div className="page-heading dashboard-heading">
        <div>
          <h1>My Posts</h1>
          <p className="meta">
            {total} post{total === 1 ? "" : "s"}
            {filtered ? " match" : ""}
          </p>
        </div>
        <NewPostForm action={newPostAction} />
      </div>
      <form className="filter-bar" role="search" action="/dashboard/posts">
        <div className="field">
          <label htmlFor="filter-status">Status</label>
          <select id="filter-status" name="status" defaultValue={filter.status ?? ""}>
            <option value="">All</option>
            {FILTERS.map((s) => (
              <option key={s} value={s}>
                {DISPLAY_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-q">Search titles</label>
          <input id="filter-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        </div>
        <button type="submit">Filter</button>
        {filtered ? (
          <Link href="/dashboard/posts" className="meta">
            Clear
          </Link>
        ) : null}
      </form>
      {posts.length === 0 ? (
        <p>{filtered ? "No posts match." : "No posts yet. Start with “New post”."}</p>
      ) : (
        <div className="table-scroll">
        <DataTable columns={["Title", "Status", "Last edited", "Publish date", { hidden: "Actions" }]}>
            {posts.map((post) => {
              const status = displayStatus(post);
              const canEdit = canOnPost(actor, "edit", { authorId: actor.id, status: post.status });
              return (
                <tr key={post.id}>
                  <td>
                    <Link href={`/dashboard/posts/${post.id}/edit`}>{post.title}</Link>
                    {post.changes ? (
                      <p className="meta unpublished-changes">
                        <span className="status status-changes">Unpublished changes</span>{" "}
                        {post.changes.submittedAt ? "waiting for review" : `saved ${formatDateTime(post.changes.updatedAt)}`}; readers still see the published version.
                      </p>
                    ) : null}
                    {post.changes?.reviewNote && !post.changes.submittedAt ? (
                      <p className="review-note review-note-changes">
                        <strong>Changes requested:</strong> {post.changes.reviewNote}
                      </p>
                    ) : null}
                    {post.reviewNote && (status === "REJECTED" || status === "DRAFT") ? (
                      <p className={status === "REJECTED" ? "review-note" : "review-note review-note-changes"}>
                        <strong>{status === "REJECTED" ? "Editor’s note:" : "Changes requested:"}</strong> {post.reviewNote}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <span className={`status status-${status}`}>{DISPLAY_STATUS_LABELS[status]}</span>
                  </td>
                  <td>{formatDateTime(post.changes && post.changes.updatedAt > post.updatedAt ? post.changes.updatedAt : post.updatedAt)}</td>
                  <td>{post.publishedAt ? formatDateTime(post.publishedAt) : "—"}</td>
                  <td className="row-actions">
                    <Link href={`/dashboard/posts/${post.id}/edit`} aria-label={`${canEdit ? "Edit" : "Open"} “${post.title}”`}>
                      {canEdit ? "Edit" : "Open"}
                    </Link>
                    {status === "PUBLISHED" ? (
                      <Link href={`/posts/${post.slug}`} aria-label={`View “${post.title}”`}>
                        View
                      </Link>
                    ) : (
                      <Link href={`/dashboard/posts/${post.id}/preview`} aria-label={`Preview “${post.title}”`}>
                        Preview
                      </Link>
                    )}
                    <PostRowActions deletePostAction={deletePostAction} restoreArchivedAction={restoreArchivedAction} postId={post.id} title={post.title} archived={post.status === "ARCHIVED"} canDelete={canOnPost(actor, "delete", { authorId: actor.id, status: post.status })} />
                  </td>
                </tr>
              );
            })}
          </DataTable>
        </div>
      )}
      {pages > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {filter.page > 1 ? <Link href={pageLink(filter.page - 1)}>← Newer</Link> : null}
          <span className="meta">
            Page {filter.page} of {pages}
          </span>
          {filter.page < pages ? <Link href={pageLink(filter.page + 1)}>Older →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
