import "server-only";
import type { DbOrTx } from "@/lib/db";
import type { PostReaderState } from "@/lib/cache/reader-effect";

/** The parts of a post that decide where readers see it, for postReaderEffect(before, after). */
export async function postReaderState(client: DbOrTx, postId: string): Promise<PostReaderState | null> {
  const post = await client.post.findUnique({
    where: { id: postId },
    select: { id: true, slug: true, status: true, publishedAt: true, hiddenAt: true, featured: true, authorId: true, categoryId: true, tags: { select: { tagId: true } } },
  });
  if (!post) return null;
  const { tags, ...rest } = post;
  return { ...rest, tagIds: tags.map((t) => t.tagId) };
}
