import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { assertStillAllowed, lockUser } from "@/lib/users/last-admin";

export const reactivateUserInput = z.object({ userId: z.string().min(1) });

/** Lifts a suspension. Old sessions stay ended (their sessionVersion is stale); the user signs in again. */
export async function reactivateUser({ actor, input }: { actor: Actor; input: z.input<typeof reactivateUserInput> }) {
  assertCan(actor, "user.suspend");
  const { userId } = parseInput(reactivateUserInput, input);
  return db().$transaction(async (tx) => {
    await assertStillAllowed(tx, actor, ["ADMIN"]);
    const user = await lockUser(tx, userId);
    if (user.status === "ACTIVE") throw new AppError("CONFLICT", "This account is already active.");
    const updated = await tx.user.update({ where: { id: user.id }, data: { status: "ACTIVE" } });
    await recordAudit(tx, { actorId: actor.id, action: "user.reactivate", targetType: "user", targetId: user.id, changes: { status: { from: user.status, to: "ACTIVE" } } });
    return updated;
  });
}
