import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase } from "@/lib/use-case";
import { articlesShowingCommentsBy } from "@/lib/comments/comment-reader-effect";
import { recordAudit } from "@/lib/audit/record";
import { assertNotLastAdmin, assertStillAllowed, lockActiveAdmins, lockUser } from "@/lib/users/last-admin";

export const suspendUserInput = z.object({ userId: z.string().min(1) });

/**
 * Suspends an account: sign-in is refused and sessionVersion is bumped, so
 * every open session ends at its next request (lib/auth/session.ts). Their
 * published posts stay (bylines and the author page do not depend on the
 * account's status); their approved comments are hidden from readers, so the
 * live articles that showed them change.
 */
export const suspendUser = defineUseCase({
  id: "user.suspend",
  input: suspendUserInput,
  permission: "user.suspend",
  async run(actor, { userId }) {
    if (userId === actor.id) throw new AppError("CONFLICT", "You cannot suspend your own account.");
    return db().$transaction(async (tx) => {
      const admins = await lockActiveAdmins(tx);
      await assertStillAllowed(tx, actor, ["ADMIN"]);
      const user = await lockUser(tx, userId);
      if (user.status === "SUSPENDED") throw new AppError("CONFLICT", "This account is already suspended.");
      assertNotLastAdmin(admins, user.id, "suspended");
      const effect = await articlesShowingCommentsBy(tx, user.id);
      const updated = await tx.user.update({ where: { id: user.id }, data: { status: "SUSPENDED", sessionVersion: { increment: 1 } } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "user.suspend",
        targetType: "user",
        targetId: user.id,
        changes: { status: { from: user.status, to: "SUSPENDED" }, sessionVersion: { from: user.sessionVersion, to: updated.sessionVersion } },
      });
      return { result: updated, effect };
    });
  },
});
