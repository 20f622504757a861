import { db, type Tx } from "@/lib/db";

/**
 * Runs `fn` in a transaction whose statements PostgreSQL cancels after `ms`
 * milliseconds (`SET LOCAL statement_timeout`: it ends with the transaction and
 * never leaks to other users of the pooled connection). The last guard for
 * reads whose cost depends on visitor input.
 */
export async function withStatementTimeout<T>(ms: number, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const timeout = Math.max(1, Math.floor(ms));
  return db().$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL statement_timeout = ${timeout}`);
    return fn(tx);
  });
}

/** Whether an error is PostgreSQL cancelling a statement for statement_timeout (SQLSTATE 57014), however Prisma wrapped it. */
export function isStatementTimeout(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number): boolean => {
    if (!value || typeof value !== "object" || seen.has(value) || depth > 6) return false;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ["code", "originalCode"]) if (record[key] === "57014") return true;
    if (typeof record.message === "string" && record.message.includes("canceling statement due to statement timeout")) return true;
    return ["cause", "meta", "driverAdapterError"].some((key) => visit(record[key], depth + 1));
  };
  return visit(error, 0);
}
