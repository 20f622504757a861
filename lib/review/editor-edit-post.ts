import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { recordAudit, type AuditChanges } from "@/lib/audit/record";
import { postContentInput } from "@/lib/posts/create-post";
import { copyContent, findWorkingCopy, writeWorkingCopy } from "@/lib/posts/working-copy";

export const editorEditInput = z.object({
  postId: z.string().min(1),
  title: postContentInput.shape.title,
  excerpt: postContentInput.shape.excerpt,
  body: postContentInput.shape.body,
  expectedVersion: z.coerce.number().int(),
});

/** Bodies can be long: the audit row names the change, the revision keeps the text. */
function bodySummary(body: string): string {
  return `${body.length} characters`;
}

/**
 * An editor's edit of someone's post (in review before approving, or already
 * published). Keeps a revision in the editor's name and an audit row; refuses
 * when the post changed since the editor opened it. A published post with
 * unpublished changes (a working copy) gets the edit in its working copy, which
 * is what the editor was shown: `isPublic` says whether readers see the edit,
 * and the effect names the live article when they do.
 */
export const editorEditPost = defineUseCase({
  id: "review.editorEdit",
  input: editorEditInput,
  permission: "post.editAny",
  async run(actor, { postId, title, excerpt, body, expectedVersion }) {
    return db().$transaction(async (tx) => {
      await tx.$queryRaw`SELECT id FROM "Post" WHERE id = ${postId} FOR UPDATE`;
      const post = await tx.post.findUnique({ where: { id: postId } });
      if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
      assertCanOnPost(actor, "edit", post);
      if (post.version !== expectedVersion) {
        throw new AppError("CONFLICT", "This post was changed since you opened it. Reload to see the latest version; your text is still in the form.");
      }
      const copy = await findWorkingCopy(tx, post);
      const current = copy ?? post;
      const changes: AuditChanges = {};
      if (title !== current.title) changes.title = { from: current.title, to: title };
      if (excerpt !== current.excerpt) changes.excerpt = { from: current.excerpt, to: excerpt };
      if (body !== current.body) changes.body = { from: bodySummary(current.body), to: bodySummary(body) };
      if (Object.keys(changes).length === 0) return unseen({ ...post, isPublic: false });
      if (copy) {
        const { version } = await writeWorkingCopy(tx, actor, post, expectedVersion, { ...copyContent(copy), title, excerpt, body });
        await tx.postRevision.create({ data: { postId: post.id, authorId: actor.id, title, excerpt, body, version, reason: post.authorId === actor.id ? "save" : "editor edit" } });
        await recordAudit(tx, { actorId: actor.id, action: "post.editWorkingCopy", targetType: "post", targetId: post.id, changes });
        return unseen({ ...post, version, isPublic: false });
      }
      const before = await postReaderState(tx, post.id);
      const updated = await tx.post.update({ where: { id: post.id }, data: { title, excerpt, body, version: { increment: 1 } } });
      await tx.postRevision.create({
        data: { postId: post.id, authorId: actor.id, title, excerpt, body, version: updated.version, reason: post.authorId === actor.id ? "save" : "editor edit" },
      });
      await recordAudit(tx, { actorId: actor.id, action: "post.editorEdit", targetType: "post", targetId: post.id, changes });
      return { result: { ...updated, isPublic: updated.status === "PUBLISHED" }, effect: postReaderEffect(before, await postReaderState(tx, post.id), { contentChanged: true }) };
    });
  },
});
