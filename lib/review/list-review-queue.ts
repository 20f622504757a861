import { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { pageCount, pageWindow } from "@/lib/db/pagination";
import { pageNumber } from "@/lib/validation/text";

export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>["items"][number];

export const REVIEW_PER_PAGE = 50;
export const reviewQueueFilter = z.object({ page: pageNumber() });
export type ReviewQueueFilter = z.infer<typeof reviewQueueFilter>;

/**
 * Posts waiting for review and submitted changes to published posts (with the
 * live text, for the diff), oldest submission first, a page at a time: the
 * order and the count come from one SQL query over both kinds, then the page's
 * rows are loaded. (It used to load the 100 oldest of each and cut at 100: the
 * rest of a long queue could not be reached, and the count said 100.)
 */
export async function listReviewQueue(actor: Actor, filter: Partial<ReviewQueueFilter> = {}) {
  assertCan(actor, "review.access");
  const page = filter.page ?? 1;
  const { skip, take } = pageWindow(page, REVIEW_PER_PAGE);
  const queued = sqlOfQueue();
  const [order, [counted]] = await Promise.all([
    db().$queryRaw<{ kind: "post" | "changes"; id: string }[]>`SELECT kind, id FROM (${queued}) q ORDER BY "submittedAt" ASC NULLS LAST, id ASC OFFSET ${skip} LIMIT ${take}`,
    db().$queryRaw<{ total: bigint }[]>`SELECT count(*) AS total FROM (${queued}) q`,
  ]);
  const idsOf = (kind: "post" | "changes") => order.filter((row) => row.kind === kind).map((row) => row.id);
  const [posts, copies] = await Promise.all([postsInReview(idsOf("post")), changesInReview(idsOf("changes"))]);
  const byKey = new Map<string, QueueItem>([
    ...posts.map((p) => [`post:${p.id}`, { ...p, live: null }] as const),
    ...copies.map(({ post, ...copy }) => [
      `changes:${post.id}`,
      {
        id: post.id,
        title: copy.title,
        slug: copy.slug,
        excerpt: copy.excerpt,
        body: copy.body,
        version: post.version,
        submittedAt: copy.submittedAt,
        updatedAt: copy.updatedAt,
        author: post.author,
        category: copy.category,
        live: { title: post.title, excerpt: post.excerpt, body: post.body },
      },
    ] as const),
  ]);
  // A row decided between the two reads is left out of this page.
  const items = order.flatMap((row) => byKey.get(`${row.kind}:${row.id}`) ?? []);
  const total = Number(counted?.total ?? 0);
  return { items, total, page, pages: pageCount(total, REVIEW_PER_PAGE) };
}

type QueueItem = Awaited<ReturnType<typeof postsInReview>>[number] & { live: { title: string; excerpt: string; body: string } | null };

/** Both kinds of submission, as (kind, id, submittedAt): new posts in review, and submitted changes to live posts. */
function sqlOfQueue(): Prisma.Sql {
  return Prisma.sql`
    SELECT 'post' AS kind, p.id, p."submittedAt" FROM "Post" p WHERE p.status = 'IN_REVIEW'
    UNION ALL
    SELECT 'changes' AS kind, w."postId" AS id, w."submittedAt" FROM "PostWorkingCopy" w JOIN "Post" p ON p.id = w."postId"
    WHERE w."submittedAt" IS NOT NULL AND p.status = 'PUBLISHED'`;
}

function changesInReview(postIds: string[]) {
  if (postIds.length === 0) return Promise.resolve([]);
  return db().postWorkingCopy.findMany({
    where: { postId: { in: postIds }, submittedAt: { not: null }, post: { status: "PUBLISHED" } },
    select: {
      title: true,
      slug: true,
      excerpt: true,
      body: true,
      submittedAt: true,
      updatedAt: true,
      category: { select: { name: true } },
      post: { select: { id: true, title: true, excerpt: true, body: true, version: true, author: { select: { displayName: true, username: true } } } },
    },
  });
}

/** What an editor reads of a post: its text and the version a decision is made on. */
const postTextFields = { id: true, title: true, slug: true, excerpt: true, body: true, version: true } as const;

function postsInReview(ids: string[]) {
  return db().post.findMany({
    where: { id: { in: ids }, status: "IN_REVIEW" },
    select: {
      ...postTextFields,
      submittedAt: true,
      updatedAt: true,
      author: { select: { displayName: true, username: true } },
      category: { select: { name: true } },
    },
  });
}

/** One post for an editor (review preview or edit form): any status; a published post's unpublished changes when it has some. */
export async function postForEditor(actor: Actor, postId: string) {
  assertCan(actor, "post.editAny");
  const post = await db().post.findUnique({
    where: { id: postId },
    select: {
      ...postTextFields,
      status: true,
      publishedAt: true,
      authorId: true,
      author: { select: { displayName: true } },
      revisions: { select: { id: true, reason: true, createdAt: true, version: true, author: { select: { displayName: true } } }, orderBy: { createdAt: "desc" }, take: 10 },
      workingCopy: { select: { title: true, excerpt: true, body: true } },
    },
  });
  if (!post) return null;
  const { workingCopy, ...row } = post;
  const copy = row.status === "PUBLISHED" ? workingCopy : null;
  return { ...row, ...(copy ?? {}), hasWorkingCopy: !!copy };
}
