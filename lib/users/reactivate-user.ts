import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase } from "@/lib/use-case";
import { articlesShowingCommentsBy } from "@/lib/comments/comment-reader-effect";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";

export const reactivateUserInput = z.object({ userId: z.string().min(1) });

/**
 * Lifts a suspension. Old sessions stay ended (their sessionVersion is stale);
 * the user signs in again. Their approved comments show again under live articles.
 */
export const reactivateUser = defineUseCase({
  id: "user.reactivate",
  input: reactivateUserInput,
  permission: "user.suspend",
  async run(actor, { userId }) {
    return db().$transaction(async (tx) => {
      await assertStillAllowed(tx, actor, ["ADMIN"]);
      const user = await lockUser(tx, userId);
      if (user.status === "ACTIVE") throw new AppError("CONFLICT", "This account is already active.");
      const updated = await tx.user.update({ where: { id: user.id }, data: { status: "ACTIVE" } });
      await recordAudit(tx, { actorId: actor.id, action: "user.reactivate", targetType: "user", targetId: user.id, changes: { status: { from: user.status, to: "ACTIVE" } } });
      return { result: updated, effect: await articlesShowingCommentsBy(tx, user.id) };
    });
  },
});
