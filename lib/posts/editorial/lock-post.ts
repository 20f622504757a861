import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/permissions";

/** Locks and loads a post for an editorial change (two editors at once: the second sees the first's result). */
export async function lockPost(tx: Tx, postId: string) {
  await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${postId} FOR UPDATE`;
  const post = await tx.post.findUnique({ where: { id: postId } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  return post;
}

/**
 * Every change to a published post by someone other than its author keeps a
 * revision (what the post said at that moment, and who changed it).
 */
export async function keepEditorialRevision(
  tx: Tx,
  actor: Actor,
  post: { id: string; authorId: string; status: string; title: string; excerpt: string; body: string },
  version: number,
  reason: string,
) {
  if (post.authorId === actor.id || post.status !== "PUBLISHED") return;
  await tx.postRevision.create({
    data: { postId: post.id, authorId: actor.id, title: post.title, excerpt: post.excerpt, body: post.body, version, reason },
  });
}
