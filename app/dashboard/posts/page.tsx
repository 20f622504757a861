import Link from "next/link";
import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listMyPosts, myPostsFilter } from "@/lib/posts/list-my-posts";
import { displayStatus, DISPLAY_STATUS_LABELS } from "@/lib/posts/display-status";
import { formatDateTime } from "@/components/format";

export const metadata: Metadata = { title: "My Posts", robots: { index: false } };

export default async function MyPostsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("dashboard.access", "/dashboard/posts");
  const filter = myPostsFilter.parse(await searchParams);
  const { posts, total } = await listMyPosts(actor, filter);
  return (
    <>
      <div className="page-heading">
        <h1>My Posts</h1>
        <p className="meta">
          {total} post{total === 1 ? "" : "s"}
        </p>
      </div>
      {posts.length === 0 ? (
        <p>No posts yet.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Status</th>
              <th scope="col">Last edited</th>
              <th scope="col">Publish date</th>
            </tr>
          </thead>
          <tbody>
            {posts.map((post) => {
              const status = displayStatus(post);
              return (
                <tr key={post.id}>
                  <td>{status === "PUBLISHED" ? <Link href={`/posts/${post.slug}`}>{post.title}</Link> : post.title}</td>
                  <td>
                    <span className={`status status-${status}`}>{DISPLAY_STATUS_LABELS[status]}</span>
                  </td>
                  <td>{formatDateTime(post.updatedAt)}</td>
                  <td>{post.publishedAt ? formatDateTime(post.publishedAt) : "—"}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}
