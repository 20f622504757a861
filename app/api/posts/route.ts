import { routeHandler } from "@/lib/actions/use-case-adapters";
import { createPost } from "@/lib/posts/create-post";

export const dynamic = "force-dynamic";

/** The editor's first save of a new post (autosave or "Save draft"). */
export const POST = routeHandler(createPost, {
  status: 201,
  present: (post) => ({ post: { id: post.id, slug: post.slug, version: post.version, status: post.status, updatedAt: post.updatedAt } }),
});
