import { NextResponse } from "next/server";
import { readJson, withActor } from "@/lib/actions/route-helpers";
import { createPost, type PostContentInput } from "@/lib/posts/create-post";

export const dynamic = "force-dynamic";

/** The editor's first save of a new post (autosave or "Save draft"). */
export async function POST(request: Request) {
  return withActor(request, async (actor) => {
    const input = (await readJson(request)) as PostContentInput;
    const post = await createPost({ actor, input });
    return NextResponse.json(
      { ok: true, post: { id: post.id, slug: post.slug, version: post.version, status: post.status, updatedAt: post.updatedAt } },
      { status: 201, headers: { "Cache-Control": "no-store" } },
    );
  });
}
