import { db } from "@/lib/db";

/** Badges for the admin navigation: work waiting for editors. Counts only, no content. */
export async function adminNavCounts(options: { mail?: boolean } = {}) {
  const [inReview, pendingComments, reportedPosts, failedMail] = await Promise.all([
    db().post.count({ where: { status: "IN_REVIEW" } }),
    db().comment.count({ where: { status: "PENDING" } }),
    db().post.count({ where: { reports: { some: { status: "OPEN" } } } }),
    // Messages that gave up after every retry (admins only: /admin/mail).
    options.mail ? db().mailMessage.count({ where: { status: "FAILED" } }) : Promise.resolve(0),
  ]);
  return { inReview, pendingComments, reportedPosts, failedMail };
}
