import Link from "next/link";
import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listCommentsForModeration, moderationFilter } from "@/lib/comments/list-comments-for-moderation";
import { AdminTabs, Pager, queryString } from "@/components/admin-tabs";
import { CommentModerationList } from "@/components/admin-comment-moderation";
import { moderateCommentsAction, dismissCommentReportsAction } from "./actions";

export const metadata: Metadata = { title: "Comments" };

const TABS = [
  { tab: "pending", label: "Pending" },
  { tab: "approved", label: "Approved" },
  { tab: "rejected", label: "Rejected & spam" },
  { tab: "reported", label: "Reported" },
] as const;

export default async function AdminCommentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("comment.moderate", "/admin/comments");
  const filter = moderationFilter.parse(await searchParams);
  const { comments, total, totalCapped, pages, counts } = await listCommentsForModeration(actor, filter);
  const href = (p: Partial<typeof filter>) => `/admin/comments${queryString({ ...filter, page: undefined, ...p })}`;
  return (
    <>
      <div className="page-heading">
        <h1>Comments</h1>
        <p className="meta">
          First comments wait here until approved; after one approved comment a reader&apos;s comments appear at once. Comments by suspended users are hidden from readers.
          {counts.reportedPosts > 0 ? (
            <>
              {" "}
              <Link href="/admin/posts?view=reported">{counts.reportedPosts} reported article{counts.reportedPosts === 1 ? "" : "s"}</Link>.
            </>
          ) : null}
        </p>
      </div>
      <AdminTabs
        label="Comment status"
        tabs={TABS.map((t) => ({
          href: href({ tab: t.tab }),
          label: t.label,
          current: filter.tab === t.tab,
          count: t.tab === "pending" ? counts.pending : t.tab === "reported" ? counts.reported : undefined,
        }))}
      />
      <form className="filter-bar" method="get" role="search" aria-label="Filter comments">
        <input type="hidden" name="tab" value={filter.tab} />
        <label htmlFor="filter-post">Post (title or slug)</label>
        <input id="filter-post" name="post" type="search" defaultValue={filter.post ?? ""} />
        <label htmlFor="filter-user">User (name, username or email)</label>
        <input id="filter-user" name="user" type="search" defaultValue={filter.user ?? ""} />
        <button type="submit" className="secondary">
          Filter
        </button>
        {filter.post || filter.user ? <Link href={href({ post: undefined, user: undefined })}>Clear</Link> : null}
      </form>
      <p className="meta">
        {totalCapped ? `More than ${total.toLocaleString("en-GB")} comments` : `${total} comment${total === 1 ? "" : "s"}`}
      </p>
      <CommentModerationList
        key={`${filter.tab}-${filter.page}-${filter.post ?? ""}-${filter.user ?? ""}`}
        tab={filter.tab}
        moderate={moderateCommentsAction}
        dismissReports={dismissCommentReportsAction}
        comments={comments.map((c) => ({
          id: c.id,
          body: c.body,
          status: c.status,
          createdAt: c.createdAt.toISOString(),
          author: { displayName: c.author.displayName, username: c.author.username, suspended: c.author.status === "SUSPENDED" },
          post: { title: c.post.title, slug: c.post.slug },
          openReports: c._count.reports,
          reports: c.reports.map((r) => ({ id: r.id, reason: r.reason, reporter: r.reporter.displayName })),
          postFilterHref: href({ post: c.post.slug }),
          userFilterHref: href({ user: c.author.username }),
        }))}
      />
      <Pager page={filter.page} pages={pages} href={(page) => href({ page })} />
    </>
  );
}
