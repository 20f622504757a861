"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/form-action";
import { editorEditPost } from "@/lib/review/editor-edit-post";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { archivePost } from "@/lib/posts/editorial/archive-post";
import { restoreArchivedPost } from "@/lib/posts/restore-archived-post";
import { setPostFeatured } from "@/lib/posts/editorial/set-post-featured";
import { setPostHidden } from "@/lib/posts/editorial/set-post-hidden";
import { dismissReports } from "@/lib/reports/dismiss-reports";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

const postId = z.object({ postId: z.string().min(1) });

export const editorEditAction = formAction(
  { permission: "post.editAny", schema: z.object({ postId: z.string().min(1), title: z.string(), excerpt: z.string(), body: z.string(), expectedVersion: z.coerce.number().int() }) },
  async (actor, input) => {
    const post = await editorEditPost({ actor, input });
    if (post.isPublic) revalidatePublicContent({ postSlugs: [post.slug] });
    revalidatePath(`/admin/posts/${post.id}/edit`);
    revalidatePath("/admin/review");
    return { message: "Saved. A revision in your name was kept." };
  },
);

export const unpublishAction = formAction({ permission: "post.publishAny", schema: postId }, async (actor, input) => {
  const post = await unpublishPost({ actor, input });
  revalidatePublicContent({ postSlugs: [post.slug] });
  return { message: `Unpublished “${post.title}”; it is a draft again.` };
});

export const archiveAction = formAction({ permission: "post.publishAny", schema: postId }, async (actor, input) => {
  const post = await archivePost({ actor, input });
  revalidatePublicContent({ postSlugs: [post.slug] });
  return { message: `Archived “${post.title}”.` };
});

/** Archived → draft: the only way back from the archive (publishing an archived post is refused). */
export const restoreArchivedAction = formAction({ permission: "post.deleteAny", schema: postId }, async (actor, input) => {
  const post = await restoreArchivedPost({ actor, input });
  revalidatePath("/admin/posts");
  return { message: `Restored “${post.title}” as a draft.` };
});

export const featureAction = formAction(
  { permission: "post.feature", schema: postId.extend({ featured: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async (actor, input) => {
    const post = await setPostFeatured({ actor, input });
    revalidatePublicContent({ postSlugs: [post.slug] });
    return { message: input.featured ? `Featured “${post.title}”.` : `Stopped featuring “${post.title}”.` };
  },
);

export const hideAction = formAction(
  { permission: "post.hide", schema: postId.extend({ hidden: z.enum(["true", "false"]).transform((v) => v === "true") }) },
  async (actor, input) => {
    const post = await setPostHidden({ actor, input });
    revalidatePublicContent({ postSlugs: [post.slug] });
    return { message: input.hidden ? `“${post.title}” is hidden from readers pending review.` : `“${post.title}” is visible to readers again.` };
  },
);

export const dismissPostReportsAction = formAction({ permission: "post.hide", schema: postId }, async (actor, input) => {
  const { count } = await dismissReports({ actor, input: { postId: input.postId } });
  revalidatePath("/admin/posts");
  return { message: `Dismissed ${count} report${count === 1 ? "" : "s"}.` };
});
