import { z } from "zod";
import { filterText, pageNumber } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { containsText } from "@/lib/db/contains-text";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const moderationFilter = z.object({
  tab: z.enum(["pending", "approved", "rejected", "reported"]).catch("pending").default("pending"),
  post: filterText,
  user: filterText,
  page: pageNumber(),
});
export type ModerationFilter = z.infer<typeof moderationFilter>;
export const MODERATION_PER_PAGE = 30;
/** Counting stops here ("more than 10 000"): counting 200 000 approved comments for a badge costs more than the page. */
export const MODERATION_COUNT_CAP = 10_000;

/**
 * Comments for the moderation screen. `post` matches a post's id, slug or
 * title; `user` an author's id, username, display name or email.
 */
export async function listCommentsForModeration(actor: Actor, filter: ModerationFilter) {
  assertCan(actor, "comment.moderate");
  const where: Prisma.CommentWhereInput = {};
  if (filter.tab === "pending") where.status = "PENDING";
  else if (filter.tab === "approved") where.status = "APPROVED";
  else if (filter.tab === "rejected") where.status = { in: ["REJECTED", "SPAM"] };
  else where.reports = { some: { status: "OPEN" } };
  if (filter.post) {
    where.post = { OR: [{ id: filter.post }, { slug: filter.post }, { title: containsText(filter.post) }] };
  }
  if (filter.user) {
    where.author = {
      OR: [
        { id: filter.user },
        { username: filter.user.toLowerCase() },
        { email: filter.user.toLowerCase() },
        { displayName: containsText(filter.user) },
      ],
    };
  }
  const [comments, total, counts] = await Promise.all([
    db().comment.findMany({
      where,
      select: {
        id: true,
        body: true,
        status: true,
        createdAt: true,
        author: { select: { id: true, displayName: true, username: true, status: true } },
        post: { select: { id: true, title: true, slug: true } },
        reports: { where: { status: "OPEN" }, select: { id: true, reason: true, reporter: { select: { displayName: true } } }, orderBy: { createdAt: "desc" }, take: 3 },
      },
      orderBy: filter.tab === "pending" ? [{ createdAt: "asc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(filter.page, MODERATION_PER_PAGE),
    }),
    db().comment.count({ where, take: MODERATION_COUNT_CAP + 1 }),
    moderationCounts(),
  ]);
  // Open reports for this page's comments only: Prisma's `_count` would group every report.
  const reportCounts = comments.length
    ? await db().report.groupBy({ by: ["commentId"], where: { commentId: { in: comments.map((c) => c.id) }, status: "OPEN" }, _count: { _all: true } })
    : [];
  const openReports = new Map(reportCounts.map((row) => [row.commentId, row._count._all]));
  return {
    comments: comments.map((comment) => ({ ...comment, _count: { reports: openReports.get(comment.id) ?? 0 } })),
    total: Math.min(total, MODERATION_COUNT_CAP),
    totalCapped: total > MODERATION_COUNT_CAP,
    // Past the cap, one more page than the current one, so "Older →" keeps working.
    pages: total > MODERATION_COUNT_CAP ? Math.max(Math.ceil(MODERATION_COUNT_CAP / MODERATION_PER_PAGE), filter.page + (comments.length === MODERATION_PER_PAGE ? 1 : 0)) : pageCount(total, MODERATION_PER_PAGE),
    counts,
  };
}

/** Tab badges: how many comments wait, and how many are reported. */
export async function moderationCounts() {
  const [pending, reported, reportedPosts] = await Promise.all([
    db().comment.count({ where: { status: "PENDING" } }),
    db().comment.count({ where: { reports: { some: { status: "OPEN" } } } }),
    db().post.count({ where: { reports: { some: { status: "OPEN" } } } }),
  ]);
  return { pending, reported, reportedPosts };
}
