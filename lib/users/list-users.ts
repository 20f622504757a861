import { z } from "zod";
import { filterText, pageNumber } from "@/lib/validation/text";
import { roleSchema } from "@/lib/users/roles";
import { db } from "@/lib/db";
import { containsText } from "@/lib/db/contains-text";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { SIGN_IN_BACKOFF, signInAccountKey } from "@/lib/auth/sign-in-backoff";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const userListFilter = z.object({
  q: filterText,
  role: roleSchema.optional().catch(undefined),
  status: z.enum(["ACTIVE", "SUSPENDED"]).optional().catch(undefined),
  page: pageNumber(),
});
export type UserListFilter = z.infer<typeof userListFilter>;
export const USERS_PER_PAGE = 30;

/**
 * Users with role, status, post and comment counts, last sign-in and failed
 * sign-ins (when enough for a delay); searchable by name, username or email.
 */
export async function listUsers(actor: Actor, filter: UserListFilter) {
  assertCan(actor, "user.manage");
  const where: Prisma.UserWhereInput = {};
  if (filter.q) {
    where.OR = [
      { displayName: containsText(filter.q) },
      { username: containsText(filter.q) },
      { email: containsText(filter.q) },
    ];
  }
  if (filter.role) where.role = filter.role;
  if (filter.status) where.status = filter.status;
  const [users, total] = await Promise.all([
    db().user.findMany({
      where,
      select: {
        id: true,
        email: true,
        username: true,
        displayName: true,
        role: true,
        status: true,
        lastSignInAt: true,
        createdAt: true,
        invitedAt: true,
        passwordHash: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(filter.page, USERS_PER_PAGE),
    }),
    db().user.count({ where }),
  ]);
  // Counts for this page's users only: Prisma's `_count` would group all of Post and Comment.
  const ids = users.map((user) => user.id);
  const [postCounts, commentCounts] = ids.length
    ? await Promise.all([
        db().post.groupBy({ by: ["authorId"], where: { authorId: { in: ids } }, _count: { _all: true } }),
        db().comment.groupBy({ by: ["authorId"], where: { authorId: { in: ids } }, _count: { _all: true } }),
      ])
    : [[], []];
  const posts = new Map(postCounts.map((row) => [row.authorId, row._count._all]));
  const comments = new Map(commentCounts.map((row) => [row.authorId, row._count._all]));
  const forgottenBefore = new Date(Date.now() - SIGN_IN_BACKOFF.forgetAfterSeconds * 1000);
  const backoffs = await db().signInBackoff.findMany({
    where: { key: { in: users.map((user) => signInAccountKey(user.email)) }, failures: { gte: SIGN_IN_BACKOFF.freeFailures }, lastAttemptAt: { gte: forgottenBefore } },
    select: { key: true, failures: true },
  });
  const failuresByKey = new Map(backoffs.map((row) => [row.key, row.failures]));
  return {
    users: users.map(({ passwordHash, ...user }) => ({
      ...user,
      _count: { posts: posts.get(user.id) ?? 0, comments: comments.get(user.id) ?? 0 },
      // Invited by email and the link not used yet (the hash itself never leaves this function).
      invitePending: user.invitedAt !== null && passwordHash === null,
      failedSignIns: failuresByKey.get(signInAccountKey(user.email)) ?? 0,
    })),
    total,
    pages: pageCount(total, USERS_PER_PAGE),
  };
}
