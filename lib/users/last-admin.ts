import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/generated/prisma/enums";

/**
 * Locks every active admin's row for the rest of the transaction, so two
 * concurrent demotions or suspensions serialise: the second one re-reads the
 * rows after the first commits (READ COMMITTED re-checks the WHERE clause of a
 * locked row) and sees that only one admin is left.
 */
export async function lockActiveAdmins(tx: Tx): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'ADMIN' AND status = 'ACTIVE' ORDER BY id FOR UPDATE`;
  return rows.map((r) => r.id);
}

/** Refuses when the change would leave no active admin. */
export function assertNotLastAdmin(activeAdminIds: string[], targetId: string, what: string): void {
  if (activeAdminIds.includes(targetId) && activeAdminIds.length <= 1) {
    throw new AppError("CONFLICT", `The last active admin cannot be ${what}. Make someone else an admin first.`);
  }
}

/**
 * The actor's authority is re-read inside the transaction: an admin demoted a
 * moment ago (by a concurrent request) can no longer act on their old session.
 */
export async function assertStillAllowed(tx: Tx, actor: Actor, roles: Role[]): Promise<void> {
  const row = await tx.user.findUnique({ where: { id: actor.id }, select: { role: true, status: true } });
  if (!row || row.status !== "ACTIVE" || !roles.includes(row.role)) throw new AppError("FORBIDDEN", "You don't have permission to do that.");
}

export async function lockUser(tx: Tx, userId: string) {
  await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
  return user;
}
