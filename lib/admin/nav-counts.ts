import { db } from "@/lib/db";

/** Badges for the admin navigation: work waiting for editors. Counts only, no content. */
export async function adminNavCounts() {
  const [inReview, pendingComments, reportedPosts] = await Promise.all([
    db().post.count({ where: { status: "IN_REVIEW" } }),
    db().comment.count({ where: { status: "PENDING" } }),
    db().post.count({ where: { reports: { some: { status: "OPEN" } } } }),
  ]);
  return { inReview, pendingComments, reportedPosts };
}
