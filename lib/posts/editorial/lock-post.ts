import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/permissions";
import { diffFields, recordAudit } from "@/lib/audit/record";
import { postReaderEffect, type PostReaderState } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import type { Post } from "@/generated/prisma/client";

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
async function keepEditorialRevision(
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

/** The state changes an editor (or, for unpublish and archive, the author) makes to a locked post. */
export type EditorialChange = "archive" | "unpublish" | "feature" | "unfeature" | "hide" | "unhide";

/**
 * One editorial state change of a post locked by lockPost, in the caller's
 * transaction: the row takes `data` and its version moves on, a revision is
 * kept when someone other than the author changes a live post, the audit row
 * `post.<change>` records the fields `data` changed, and readers get the pages
 * it touches (`before`: the post's reader state before anything moved).
 */
export async function applyEditorialChange(
  tx: Tx,
  actor: Actor,
  post: Post,
  change: EditorialChange,
  data: Partial<Pick<Post, "status" | "publishedAt" | "featured" | "hiddenAt">>,
  before: PostReaderState | null,
) {
  const updated = await tx.post.update({ where: { id: post.id }, data: { ...data, version: { increment: 1 } } });
  await keepEditorialRevision(tx, actor, post, updated.version, change);
  await recordAudit(tx, { actorId: actor.id, action: `post.${change}`, targetType: "post", targetId: post.id, changes: diffFields(post, data) });
  return { result: updated, effect: postReaderEffect(before, await postReaderState(tx, post.id)) };
}
