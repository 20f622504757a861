import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, assertPublishableFrom } from "@/lib/authz/permissions";
import { defineUseCase } from "@/lib/use-case";
import { postReaderEffect } from "@/lib/cache/reader-effect";
import { postReaderState } from "@/lib/posts/reader-state";
import { recordAudit } from "@/lib/audit/record";
import { conflictError } from "@/lib/posts/conflict";
import { announceScheduledPublication } from "@/lib/posts/scheduled-publications";
import { foldWorkingCopy } from "@/lib/posts/working-copy";

export const publishInput = z.object({
  postId: z.string().min(1),
  /** A future date schedules the post; absent means now. */
  publishAt: z.coerce.date({ error: "Choose a valid publish date." }).optional(),
  expectedVersion: z.number().int().optional(),
});

/**
 * Publishes now or schedules (publishAt in the future), from the states in
 * PUBLISHABLE_FROM (lib/authz/permissions.ts). Writes the audit row in the same transaction.
 * Pass `outerTx` to publish as part of a larger transaction (the review queue's approve).
 */
export const publishPost = defineUseCase({
  id: "post.publish",
  input: publishInput,
  permission: null, // author of their own post, or editors: canOnPost(actor, "publish", post)
  async run(actor, { postId, publishAt, expectedVersion }, outerTx?: Tx) {
    const run = async (tx: Tx) => {
      const before = await postReaderState(tx, postId);
      // "Publish now" or rescheduling a published post takes its unpublished changes live with it.
      await foldWorkingCopy(tx, actor, postId, "publish", expectedVersion);
      const post = await tx.post.findUnique({ where: { id: postId } });
      if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
      assertCanOnPost(actor, "publish", post);
      if (expectedVersion !== undefined && expectedVersion !== post.version) throw await conflictError(tx, post.id);
      // Never from the archive (restore it first) and never again once live (publishedAt would move): PUBLISHABLE_FROM.
      assertPublishableFrom(post);
      if (!post.title.trim()) throw new AppError("INVALID", "Add a title before publishing.", { title: ["Enter a title."] });
      const when = publishAt ?? new Date();
      const scheduled = when > new Date();
      // The version check is part of the write, so two simultaneous transitions cannot both succeed.
      const written = await tx.post.updateMany({
        where: { id: post.id, version: post.version },
        data: { status: "PUBLISHED", publishedAt: when, reviewNote: null, version: { increment: 1 } },
      });
      if (written.count !== 1) throw await conflictError(tx, post.id);
      const updated = await tx.post.findUniqueOrThrow({ where: { id: post.id } });
      await tx.postRevision.create({
        data: { postId: post.id, authorId: actor.id, title: post.title, excerpt: post.excerpt, body: post.body, version: updated.version, reason: scheduled ? "schedule" : "publish" },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: scheduled ? "post.schedule" : "post.publish",
        targetType: "post",
        targetId: post.id,
        changes: { status: { from: post.status, to: "PUBLISHED" }, publishedAt: { from: post.publishedAt?.toISOString() ?? null, to: when.toISOString() } },
      });
      // Every instance sets a timer to refresh its cached pages when this goes live.
      if (scheduled) await announceScheduledPublication(tx, when);
      // Scheduled: nothing for readers yet (the scheduler expires the pages when it comes due).
      return { result: updated, effect: postReaderEffect(before, await postReaderState(tx, post.id)) };
    };
    return outerTx ? run(outerTx) : db().$transaction(run);
  },
});
