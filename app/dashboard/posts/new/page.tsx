import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/lib/auth/session";
import { NewPostForm } from "@/components/editor/new-post-form";
import { newPostAction } from "../actions";

export const metadata: Metadata = { title: "New post", robots: { index: false } };

/**
 * The old "New post" address (bookmarks, sign-in callbacks). Showing it
 * creates nothing: the page posts its form once it runs in a browser, and the
 * action opens the new draft's editor. Without scripts, the button does it.
 */
export default async function NewPostRoute() {
  await requirePageActor("post.create", "/dashboard/posts/new");
  return (
    <>
      <p className="meta">
        <Link href="/dashboard/posts">← My Posts</Link>
      </p>
      <h1>New post</h1>
      <NewPostForm action={newPostAction} autoSubmit label="Start writing" />
    </>
  );
}
