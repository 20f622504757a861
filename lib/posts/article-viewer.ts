import "server-only";
import { db } from "@/lib/db";
import { can, canOnPost, type Actor } from "@/lib/authz/permissions";
import { listPendingCommentsForViewer } from "@/lib/comments/list-comments";

/**
 * The per-visitor parts of an article page, fetched by the browser after the
 * cached page loads (GET /api/comments/viewer), so the page itself is the
 * same for everyone: may they comment or report, their pending comments (all
 * pending ones for the post's author and moderators), and where they can edit
 * the article when canOnPost allows it.
 */
export type ArticleViewer = {
  signedIn: boolean;
  canComment: boolean;
  canReport: boolean;
  editUrl: string | null;
  pending: { id: string; body: string; createdAt: string; authorName: string }[];
};

const SIGNED_OUT: ArticleViewer = { signedIn: false, canComment: false, canReport: false, editUrl: null, pending: [] };

export async function articleViewer(actor: Actor | null, postId: string): Promise<ArticleViewer> {
  if (!actor) return SIGNED_OUT;
  const post = postId ? await db().post.findUnique({ where: { id: postId }, select: { id: true, authorId: true, status: true } }) : null;
  if (!post) return { ...SIGNED_OUT, signedIn: true };
  const own = post.authorId === actor.id;
  const pending = await listPendingCommentsForViewer(actor, post.id);
  return {
    signedIn: true,
    canComment: can(actor, "comment.create"),
    canReport: can(actor, "comment.report"),
    // Authors edit in My Posts' editor, editors someone else's post in the admin editor.
    editUrl: canOnPost(actor, "edit", post) ? (own ? `/dashboard/posts/${post.id}/edit` : `/admin/posts/${post.id}/edit`) : null,
    pending: pending.map((c) => ({ id: c.id, body: c.body, createdAt: c.createdAt.toISOString(), authorName: c.author.displayName })),
  };
}
