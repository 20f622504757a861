import "server-only";
import type { DbOrTx } from "@/lib/db";
import { publicPostWhere } from "@/lib/posts/public-posts";
import { NO_EFFECT, readerEffect, type ReaderEffect } from "@/lib/cache/reader-effect";

/**
 * Readers see a comment under a live article when it is approved and its
 * author's account is active (lib/comments/list-comments.ts). When something
 * changes about one person's shown comments (their account is suspended,
 * reactivated or deleted; their name changes), these are the articles whose
 * page changes. Call it inside the transaction, before the change.
 */
export async function articlesShowingCommentsBy(client: DbOrTx, authorId: string): Promise<ReaderEffect> {
  const posts = await client.post.findMany({ where: { ...publicPostWhere(), comments: { some: { authorId, status: "APPROVED" } } }, select: { id: true } });
  return posts.length ? readerEffect({ posts: posts.map((p) => p.id) }) : NO_EFFECT;
}
