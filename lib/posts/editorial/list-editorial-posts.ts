import { z } from "zod";
import { db } from "@/lib/db";
import { postListFilterFields, postListRowSelect, whereTitleMatches } from "@/lib/posts/post-list";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const editorialPostsFilter = z.object({
  view: z.enum(["published", "hidden", "reported", "archived"]).catch("published").default("published"),
  ...postListFilterFields,
});
export type EditorialPostsFilter = z.infer<typeof editorialPostsFilter>;
export const EDITORIAL_PER_PAGE = 25;

/** Every author's published (and scheduled), hidden, reported or archived posts, with open report counts. */
export async function listEditorialPosts(actor: Actor, filter: EditorialPostsFilter) {
  assertCan(actor, "post.editAny");
  const where: Prisma.PostWhereInput =
    filter.view === "hidden"
      ? { hiddenAt: { not: null } }
      : filter.view === "reported"
        ? { reports: { some: { status: "OPEN" } } }
        : filter.view === "archived"
          ? { status: "ARCHIVED" }
          : { status: "PUBLISHED" };
  whereTitleMatches(where, filter.q);
  const [posts, total] = await Promise.all([
    db().post.findMany({
      where,
      select: {
        ...postListRowSelect,
        featured: true,
        hiddenAt: true,
        author: { select: { displayName: true, username: true } },
        reports: { where: { status: "OPEN" }, select: { id: true, reason: true, createdAt: true, reporter: { select: { displayName: true } } }, orderBy: { createdAt: "desc" }, take: 5 },
      },
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      ...pageWindow(filter.page, EDITORIAL_PER_PAGE),
    }),
    db().post.count({ where }),
  ]);
  // Counts for this page's posts only: Prisma's relation `_count` aggregates the whole Comment and Report tables (200 000 comments: seconds).
  const ids = posts.map((post) => post.id);
  const [commentCounts, reportCounts] = ids.length
    ? await Promise.all([
        db().comment.groupBy({ by: ["postId"], where: { postId: { in: ids } }, _count: { _all: true } }),
        db().report.groupBy({ by: ["postId"], where: { postId: { in: ids }, status: "OPEN" }, _count: { _all: true } }),
      ])
    : [[], []];
  const comments = new Map(commentCounts.map((row) => [row.postId, row._count._all]));
  const reports = new Map(reportCounts.map((row) => [row.postId, row._count._all]));
  return {
    posts: posts.map((post) => ({ ...post, _count: { comments: comments.get(post.id) ?? 0, reports: reports.get(post.id) ?? 0 } })),
    total,
    pages: pageCount(total, EDITORIAL_PER_PAGE),
  };
}
