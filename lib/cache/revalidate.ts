import { revalidatePath } from "next/cache";

/**
 * Call after any change readers can see (publish, edit of a public post,
 * unpublish, taxonomy or profile change), from a server action or route
 * handler. The one place that knows which public pages a change touches.
 */
export type PublicChange = {
  postSlugs?: string[];
  authorUsernames?: string[];
  categorySlugs?: string[];
  tagSlugs?: string[];
};

export function revalidatePublicContent(change: PublicChange = {}): void {
  // Lists (home, sections, feeds, sitemap, search) can show any post: refresh them all.
  revalidatePath("/", "layout");
  for (const slug of change.postSlugs ?? []) revalidatePath(`/posts/${slug}`);
}
