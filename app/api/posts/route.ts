import { routeHandler } from "@/lib/actions/use-case-adapters";
import { createPost } from "@/lib/posts/create-post";

export const dynamic = "force-dynamic";

/** A new post with its content ("Keep my copy" after a conflict; "New post" itself is newPostAction). */
export const POST = routeHandler(createPost, {
  status: 201,
  present: (post) => ({ post: { id: post.id, slug: post.slug, version: post.version, status: post.status, updatedAt: post.updatedAt } }),
});
