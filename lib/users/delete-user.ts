import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase } from "@/lib/use-case";
import { NO_EFFECT } from "@/lib/cache/reader-effect";
import { articlesShowingCommentsBy } from "@/lib/comments/comment-reader-effect";
import { recordAudit } from "@/lib/audit/record";
import { assertNotLastAdmin, assertStillAllowed, lockActiveAdmins, lockUser } from "@/lib/users/last-admin";

export const deleteUserInput = z.object({ userId: z.string().min(1) });

/**
 * Deletes an account that has no history worth keeping (spam sign-ups,
 * readers): its comments and reports go with it. Accounts with posts or with
 * actions in the audit log cannot be deleted (the posts keep their byline and
 * the log its actors): suspend those instead. Never the last active admin.
 * Readers: the live articles that showed their approved comments (an active
 * account's; a suspended one's were hidden already).
 */
export const deleteUser = defineUseCase({
  id: "user.delete",
  input: deleteUserInput,
  permission: "user.manage",
  async run(actor, { userId }) {
    if (userId === actor.id) throw new AppError("CONFLICT", "You cannot delete your own account here.");
    return db().$transaction(async (tx) => {
      const admins = await lockActiveAdmins(tx);
      await assertStillAllowed(tx, actor, ["ADMIN"]);
      const user = await lockUser(tx, userId);
      assertNotLastAdmin(admins, user.id, "deleted");
      const [posts, actions, comments] = await Promise.all([
        tx.post.count({ where: { authorId: user.id } }),
        tx.auditLog.count({ where: { actorId: user.id } }),
        tx.comment.count({ where: { authorId: user.id } }),
      ]);
      if (posts > 0) throw new AppError("CONFLICT", `${user.displayName} has ${posts} post${posts === 1 ? "" : "s"}; suspend the account instead.`);
      if (actions > 0) throw new AppError("CONFLICT", `${user.displayName} appears in the audit log; suspend the account instead.`);
      const effect = user.status === "ACTIVE" ? await articlesShowingCommentsBy(tx, user.id) : NO_EFFECT;
      await tx.user.delete({ where: { id: user.id } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.delete",
        targetType: "user",
        targetId: user.id,
        changes: {
          email: { from: user.email, to: null },
          username: { from: user.username, to: null },
          role: { from: user.role, to: null },
          comments: { from: comments, to: 0 },
        },
      });
      return { result: { user }, effect };
    });
  },
});
