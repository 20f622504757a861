import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/generated/prisma/client";

export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

/** Only the fields whose values differ. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): AuditChanges {
  const changes: AuditChanges = {};
  for (const key of Object.keys(after)) {
    const from = before[key];
    const to = after[key];
    const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v);
    if (JSON.stringify(norm(from)) !== JSON.stringify(norm(to))) changes[key] = { from: norm(from) ?? null, to: norm(to) ?? null };
  }
  return changes;
}

/** Appends an audit row; call inside the same transaction as the change it records. */
export async function recordAudit(
  tx: DbOrTx,
  entry: { actorId: string | null; action: string; targetType: string; targetId: string; changes?: AuditChanges },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      // strictUndefinedChecks: an absent value must be left out, not passed as undefined.
      ...(entry.changes ? { changes: entry.changes as Prisma.InputJsonValue } : {}),
    },
  });
}
