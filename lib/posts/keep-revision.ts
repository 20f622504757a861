import type { Tx } from "@/lib/db";

/**
 * Autosaves within this long of the same author's previous autosave revision
 * of a post update that revision instead of adding one, so a long writing
 * session keeps one revision per few minutes, not one per pause in typing.
 * (Ghost does the same with its revision interval.)
 */
export const AUTOSAVE_REVISION_WINDOW_MS = 5 * 60 * 1000;

export type RevisionReason = "autosave" | "save" | (string & {});

/**
 * Keeps the text a save wrote as a revision. An explicit save, publish, update
 * or restore always adds one; an autosave folds into the latest revision when
 * that one is the same author's autosave begun less than
 * AUTOSAVE_REVISION_WINDOW_MS ago. The folded revision keeps its createdAt (the
 * window is counted from its first autosave) and takes the newest text and version.
 * Runs in the caller's transaction, after its version-checked write of the post.
 */
export async function keepRevision(
  tx: Tx,
  revision: { postId: string; authorId: string; title: string; excerpt: string; body: string; version: number; reason: RevisionReason },
  now: Date = new Date(),
) {
  if (revision.reason === "autosave") {
    const latest = await tx.postRevision.findFirst({
      where: { postId: revision.postId },
      orderBy: [{ createdAt: "desc" }, { version: "desc" }],
      select: { id: true, authorId: true, reason: true, createdAt: true },
    });
    if (latest && latest.reason === "autosave" && latest.authorId === revision.authorId && now.getTime() - latest.createdAt.getTime() < AUTOSAVE_REVISION_WINDOW_MS) {
      return tx.postRevision.update({
        where: { id: latest.id },
        data: { title: revision.title, excerpt: revision.excerpt, body: revision.body, version: revision.version },
      });
    }
  }
  return tx.postRevision.create({ data: revision });
}
