import { NextResponse } from "next/server";
import { readJson, withActor } from "@/lib/actions/route-helpers";
import { updatePost, type UpdatePostInput } from "@/lib/posts/update-post";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

export const dynamic = "force-dynamic";

/**
 * Saves the editor's content (autosave, "Save draft", "Update"). POST so that
 * a keepalive fetch can send it while the page is closing. Answers 409 with
 * the winning version when the post changed since `expectedVersion`. Edits
 * of a published post land in its working copy (`hasWorkingCopy`): readers
 * see nothing of them, so nothing is revalidated until "Update".
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return withActor(request, async (actor) => {
    const input = { ...((await readJson(request)) as Omit<UpdatePostInput, "postId">), postId: id };
    const result = await updatePost({ actor, input });
    if (result.changed && result.isPublic) {
      revalidatePublicContent({
        postSlugs: [result.post.slug, ...(result.previousSlug ? [result.previousSlug] : [])],
        tagSlugs: result.tagSlugs,
      });
    }
    const { post } = result;
    return NextResponse.json(
      {
        ok: true,
        changed: result.changed,
        hasWorkingCopy: result.hasWorkingCopy,
        liveSlug: result.liveSlug,
        post: { id: post.id, slug: post.slug, version: post.version, status: post.status, updatedAt: post.updatedAt },
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}
