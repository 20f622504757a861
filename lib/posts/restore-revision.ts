import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost } from "@/lib/authz/permissions";
import { defineUseCase, unseen } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { recordAudit } from "@/lib/audit/record";
import { conflictError } from "@/lib/posts/conflict";
import { copyContent, findWorkingCopy, hasLiveVersion, liveContent, writeWorkingCopy } from "@/lib/posts/working-copy";

export const restoreRevisionInput = z.object({
  postId: z.string().min(1),
  revisionId: z.string().min(1),
  expectedVersion: z.number().int().min(1),
});

/**
 * Puts a revision's title, excerpt and text back as the current content. The
 * text it replaces stays in the history (the previous save's revision), and
 * the restore itself is kept as a new revision. On a published post the
 * revision goes into the working copy: readers see it only after "Update".
 */
export const restoreRevision = defineUseCase({
  id: "post.restoreRevision",
  input: restoreRevisionInput,
  permission: null, // canOnPost(actor, "edit", post)
  async run(actor, { postId, revisionId, expectedVersion }) {
    return db().$transaction(async (tx) => {
      const before = await postReaderState(tx, postId);
      const post = await tx.post.findUnique({ where: { id: postId } });
      if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
      assertCanOnPost(actor, "edit", post);
      // Ownership of the revision: it must belong to this post.
      const revision = await tx.postRevision.findFirst({ where: { id: revisionId, postId: post.id } });
      if (!revision) throw new AppError("NOT_FOUND", "That revision does not exist.");
      if (post.version !== expectedVersion) throw await conflictError(tx, post.id);
      if (hasLiveVersion(post)) {
        const existing = await findWorkingCopy(tx, post);
        const base = existing ? copyContent(existing) : await liveContent(tx, post);
        const { version } = await writeWorkingCopy(tx, actor, post, expectedVersion, { ...base, title: revision.title, excerpt: revision.excerpt, body: revision.body });
        await tx.postRevision.create({
          data: { postId: post.id, authorId: actor.id, title: revision.title, excerpt: revision.excerpt, body: revision.body, version, reason: "restore" },
        });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "post.restoreRevision",
          targetType: "post",
          targetId: post.id,
          changes: { revision: { from: null, to: revision.id }, version: { from: post.version, to: version } },
        });
        // Into the working copy: readers see it only after "Update".
        return unseen({ post: { ...post, version, title: revision.title, excerpt: revision.excerpt, body: revision.body } });
      }
      const written = await tx.post.updateMany({
        where: { id: post.id, version: expectedVersion },
        data: { title: revision.title, excerpt: revision.excerpt, body: revision.body, version: { increment: 1 } },
      });
      if (written.count !== 1) throw await conflictError(tx, post.id);
      const updated = await tx.post.findUniqueOrThrow({ where: { id: post.id } });
      await tx.postRevision.create({
        data: { postId: post.id, authorId: actor.id, title: updated.title, excerpt: updated.excerpt, body: updated.body, version: updated.version, reason: "restore" },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "post.restoreRevision",
        targetType: "post",
        targetId: post.id,
        changes: { revision: { from: null, to: revision.id }, version: { from: post.version, to: updated.version } },
      });
      return { result: { post: updated }, effect: postReaderEffect(before, await postReaderState(tx, post.id)) };
    });
  },
});
