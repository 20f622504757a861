import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";

export type ReviewQueueItem = Awaited<ReturnType<typeof listReviewQueue>>[number];

/**
 * Posts waiting for review and submitted changes to published posts (with the
 * live text, for the diff), oldest submission first.
 */
export async function listReviewQueue(actor: Actor) {
  assertCan(actor, "review.access");
  const [posts, copies] = await Promise.all([postsInReview(), changesInReview()]);
  const items = [
    ...posts.map((p) => ({ ...p, live: null as { title: string; excerpt: string; body: string } | null })),
    ...copies.map(({ post, ...copy }) => ({
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
    })),
  ];
  const time = (d: Date | null) => d?.getTime() ?? Number.MAX_SAFE_INTEGER;
  return items.sort((a, b) => time(a.submittedAt) - time(b.submittedAt) || a.id.localeCompare(b.id)).slice(0, 100);
}

function changesInReview() {
  return db().postWorkingCopy.findMany({
    where: { submittedAt: { not: null }, post: { status: "PUBLISHED" } },
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
    orderBy: [{ submittedAt: "asc" }, { postId: "asc" }],
    take: 100,
  });
}

/** What an editor reads of a post: its text and the version a decision is made on. */
const postTextFields = { id: true, title: true, slug: true, excerpt: true, body: true, version: true } as const;

function postsInReview() {
  return db().post.findMany({
    where: { status: "IN_REVIEW" },
    select: {
      ...postTextFields,
      submittedAt: true,
      updatedAt: true,
      author: { select: { displayName: true, username: true } },
      category: { select: { name: true } },
    },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: 100,
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
