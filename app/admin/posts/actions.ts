"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { formAction as legacyFormAction } from "@/lib/actions/form-action";
import { formAction } from "@/lib/actions/use-case-adapters";
import { editorEditPost } from "@/lib/review/editor-edit-post";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { archivePost } from "@/lib/posts/editorial/archive-post";
import { restoreArchivedPost } from "@/lib/posts/restore-archived-post";
import { setPostFeatured } from "@/lib/posts/editorial/set-post-featured";
import { setPostHidden } from "@/lib/posts/editorial/set-post-hidden";
import { dismissReports } from "@/lib/reports/dismiss-reports";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

const postId = z.object({ postId: z.string().min(1) });

export const editorEditAction = legacyFormAction(
  { permission: "post.editAny", schema: z.object({ postId: z.string().min(1), title: z.string(), excerpt: z.string(), body: z.string(), expectedVersion: z.coerce.number().int() }) },
  async (actor, input) => {
    const post = await editorEditPost({ actor, input });
    if (post.isPublic) revalidatePublicContent({ postSlugs: [post.slug] });
    revalidatePath(`/admin/posts/${post.id}/edit`);
    revalidatePath("/admin/review");
    return { message: "Saved. A revision in your name was kept." };
  },
);

export const unpublishAction = formAction(unpublishPost, { message: (post) => ({ message: `Unpublished “${post.title}”; it is a draft again.` }) });

export const archiveAction = formAction(archivePost, { message: (post) => ({ message: `Archived “${post.title}”.` }) });

/** Archived → draft: the only way back from the archive (publishing an archived post is refused). */
export const restoreArchivedAction = formAction(restoreArchivedPost, {
  message: (post) => ({ message: `Restored “${post.title}” as a draft.` }),
  after: () => revalidatePath("/admin/posts"),
});

export const featureAction = formAction(setPostFeatured, {
  message: (post) => ({ message: post.featured ? `Featured “${post.title}”.` : `Stopped featuring “${post.title}”.` }),
});

export const hideAction = formAction(setPostHidden, {
  message: (post) => ({ message: post.hiddenAt ? `“${post.title}” is hidden from readers pending review.` : `“${post.title}” is visible to readers again.` }),
});

export const dismissPostReportsAction = legacyFormAction({ permission: "post.hide", schema: postId }, async (actor, input) => {
  const { count } = await dismissReports({ actor, input: { postId: input.postId } });
  revalidatePath("/admin/posts");
  return { message: `Dismissed ${count} report${count === 1 ? "" : "s"}.` };
});
