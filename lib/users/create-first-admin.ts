import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createUser, type CreateUserInput } from "@/lib/users/create-user";
import { recordAudit } from "@/lib/audit/record";

// Any fixed number works; it only has to be the same for every instance (the demo seed takes it too).
export const SETUP_LOCK_KEY = 7_412_001;

export async function hasAnyUser(): Promise<boolean> {
  return (await db().user.count({ take: 1 })) > 0;
}

/**
 * /setup: the first account becomes ADMIN. The check and the insert run in
 * one transaction under an advisory lock, so two simultaneous setup requests
 * (or two instances) cannot both create an admin; afterwards setup is closed.
 */
export async function createFirstAdmin(input: Omit<CreateUserInput, "role">) {
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SETUP_LOCK_KEY})`;
    if ((await tx.user.count({ take: 1 })) > 0) throw new AppError("FORBIDDEN", "Setup is already complete. Sign in instead.");
    const user = await createUser({ ...input, role: "ADMIN" }, tx);
    await recordAudit(tx, { actorId: user.id, action: "user.setup", targetType: "user", targetId: user.id, changes: { role: { from: null, to: "ADMIN" } } });
    return user;
  });
}
