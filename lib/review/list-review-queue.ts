import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";

/** Posts waiting for review, oldest submission first. */
export async function listReviewQueue(actor: Actor) {
  assertCan(actor, "review.access");
  return db().post.findMany({
    where: { status: "IN_REVIEW" },
    select: {
      id: true,
      title: true,
      slug: true,
      excerpt: true,
      body: true,
      version: true,
      submittedAt: true,
      updatedAt: true,
      author: { select: { displayName: true, username: true } },
      category: { select: { name: true } },
    },
    orderBy: [{ submittedAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
    take: 100,
  });
}

/** One post for an editor (review preview or edit form): any status. */
export async function postForEditor(actor: Actor, postId: string) {
  assertCan(actor, "post.editAny");
  return db().post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      title: true,
      slug: true,
      excerpt: true,
      body: true,
      status: true,
      version: true,
      publishedAt: true,
      authorId: true,
      author: { select: { displayName: true } },
      revisions: { select: { id: true, reason: true, createdAt: true, version: true, author: { select: { displayName: true } } }, orderBy: { createdAt: "desc" }, take: 10 },
    },
  });
}
