"use server";

import { revalidatePath } from "next/cache";
import { formAction } from "@/lib/actions/use-case-adapters";
import { editorEditPost } from "@/lib/review/editor-edit-post";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { archivePost } from "@/lib/posts/editorial/archive-post";
import { restoreArchivedPost } from "@/lib/posts/restore-archived-post";
import { setPostFeatured } from "@/lib/posts/editorial/set-post-featured";
import { setPostHidden } from "@/lib/posts/editorial/set-post-hidden";
import { dismissReports } from "@/lib/reports/dismiss-reports";

export const editorEditAction = formAction(editorEditPost, {
  message: "Saved. A revision in your name was kept.",
  after: (post) => {
    revalidatePath(`/admin/posts/${post.id}/edit`);
    revalidatePath("/admin/review");
  },
});

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

/** "Dismiss reports" on an article sends its id (dismissReports checks post.hide for an article's reports). */
export const dismissPostReportsAction = formAction(dismissReports, {
  fromForm: ({ postId }) => ({ postId }),
  after: () => revalidatePath("/admin/posts"),
  message: ({ count }) => ({ message: `Dismissed ${count} report${count === 1 ? "" : "s"}.` }),
});
