import Link from "next/link";
import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listReviewQueue, reviewQueueFilter } from "@/lib/review/list-review-queue";
import { Pager } from "@/components/admin-tabs";
import { renderMarkdown } from "@/lib/markdown/render";
import { formatDateTime } from "@/components/format";
import { ReviewDecisionForms } from "@/components/admin-review-forms";
import { WordDiff } from "@/components/word-diff";
import { approveAction, rejectAction, requestChangesAction } from "./actions";

export const metadata: Metadata = { title: "Review queue" };

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("review.access", "/admin/review");
  const filter = reviewQueueFilter.parse(await searchParams);
  const { items: posts, total, page, pages } = await listReviewQueue(actor, filter);
  return (
    <>
      <div className="page-heading">
        <h1>Review queue</h1>
        <p className="meta">
          {total === 0 ? "Nothing is waiting for review." : `${total} post${total === 1 ? "" : "s"} waiting, oldest first.`}
        </p>
      </div>
      <ol className="review-list">
        {posts.map((post) => {
          const headingId = `review-${post.id}`;
          return (
            <li key={post.id}>
              <article className="review-item" aria-labelledby={headingId}>
                <header>
                  <h2 id={headingId}>{post.title}</h2>
                  {post.live ? (
                    <p className="meta">
                      <span className="status status-changes">Changes to a published article</span> Readers see the published version until you approve.{" "}
                      <Link href={`/posts/${post.slug}`}>Published version</Link>
                    </p>
                  ) : null}
                  <p className="meta">
                    By {post.author.displayName}
                    {post.category ? ` · ${post.category.name}` : ""} · submitted{" "}
                    {post.submittedAt ? <time dateTime={post.submittedAt.toISOString()}>{formatDateTime(post.submittedAt)}</time> : "—"} ·{" "}
                    <Link href={`/admin/posts/${post.id}/edit?from=review`}>Edit before approving</Link>
                  </p>
                </header>
                {post.live ? (
                  <details className="review-preview" open>
                    <summary>Changes against the published version</summary>
                    {post.live.title !== post.title ? <WordDiff label="Changes to the title" from={post.live.title} to={post.title} /> : null}
                    {post.live.excerpt !== post.excerpt ? <WordDiff label="Changes to the standfirst" from={post.live.excerpt} to={post.excerpt} /> : null}
                    <WordDiff label="Changes to the text" from={post.live.body} to={post.body} />
                  </details>
                ) : null}
                <details className="review-preview">
                  <summary>Preview</summary>
                  <div className="article">
                    {post.excerpt ? <p className="standfirst">{post.excerpt}</p> : null}
                    {/* Sanitized by rehype-sanitize's allow-list in lib/markdown/render.ts */}
                    <div className="article-body" dangerouslySetInnerHTML={{ __html: renderMarkdown(post.body) }} />
                  </div>
                </details>
                <ReviewDecisionForms
                  postId={post.id}
                  version={post.version}
                  title={post.title}
                  changes={!!post.live}
                  approve={approveAction}
                  requestChanges={requestChangesAction}
                  reject={rejectAction}
                />
              </article>
            </li>
          );
        })}
      </ol>
      <Pager page={page} pages={pages} href={(p) => `/admin/review${p > 1 ? `?page=${p}` : ""}`} label="Review queue pages" previous="← Older" next="Newer →" />
    </>
  );
}
