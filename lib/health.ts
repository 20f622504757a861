import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export async function databaseIsReachable(): Promise<boolean> {
  try {
    await db().$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

let buildId: string | null | undefined;

/**
 * The id of the production build this instance serves (`<distDir>/BUILD_ID`),
 * so a load balancer or a test can check that every instance runs the same build.
 * Null under `next dev`, which has no build.
 */
export function currentBuildId(): string | null {
  if (buildId !== undefined) return buildId;
  if (env().NODE_ENV !== "production") return (buildId = null);
  try {
    buildId = fs.readFileSync(path.join(process.cwd(), env().NEXT_DIST_DIR, "BUILD_ID"), "utf8").trim() || null;
  } catch {
    buildId = null;
  }
  return buildId;
}
