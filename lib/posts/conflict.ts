import type { DbOrTx } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type ConflictDetails = {
  version: number;
  title: string;
  excerpt: string;
  body: string;
  updatedAt: string;
  savedBy: string | null;
};

/** A CONFLICT carrying the version that won (a published post's working copy, if any), so the editor can offer to reload it. */
export async function conflictError(tx: DbOrTx, postId: string): Promise<AppError> {
  const post = await tx.post.findUnique({
    where: { id: postId },
    select: { version: true, title: true, excerpt: true, body: true, updatedAt: true, status: true, workingCopy: { select: { title: true, excerpt: true, body: true, updatedAt: true } } },
  });
  // A published post's latest text is its working copy, when it has one.
  const current = post ? { version: post.version, ...((post.status === "PUBLISHED" && post.workingCopy) || { title: post.title, excerpt: post.excerpt, body: post.body, updatedAt: post.updatedAt }) } : null;
  const last = await tx.postRevision.findFirst({ where: { postId }, orderBy: { createdAt: "desc" }, select: { author: { select: { displayName: true } } } });
  const details: ConflictDetails | undefined = current
    ? { ...current, updatedAt: current.updatedAt.toISOString(), savedBy: last?.author?.displayName ?? null }
    : undefined;
  return new AppError(
    "CONFLICT",
    `This post was changed elsewhere${details?.savedBy ? ` by ${details.savedBy}` : ""} since you opened it. Reload their version or keep your copy.`,
    undefined,
    details,
  );
}
