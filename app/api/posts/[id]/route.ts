import { routeHandler } from "@/lib/actions/use-case-adapters";
import { readJson } from "@/lib/actions/route-helpers";
import { updatePost } from "@/lib/posts/update-post";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/**
 * Saves the editor's content (autosave, "Save draft"). POST so that a
 * keepalive fetch can send it while the page is closing. Answers 409 with the
 * winning version when the post changed since `expectedVersion`. Edits of a
 * published post land in its working copy (`hasWorkingCopy`): readers see
 * nothing of them, so the effect is empty until "Update".
 */
export const POST = routeHandler(updatePost, {
  input: async (request: Request, { params }: Context) => {
    const body = await readJson(request);
    return { ...(typeof body === "object" && body !== null ? body : {}), postId: (await params).id };
  },
  present: (result) => ({
    changed: result.changed,
    hasWorkingCopy: result.hasWorkingCopy,
    liveSlug: result.liveSlug,
    post: { id: result.post.id, slug: result.post.slug, version: result.post.version, status: result.post.status, updatedAt: result.post.updatedAt },
  }),
});
