import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { approvePost } from "@/lib/review/approve-post";
import { requestChanges } from "@/lib/review/request-changes";
import { rejectPost } from "@/lib/review/reject-post";
import { editorEditPost } from "@/lib/review/editor-edit-post";
import { listReviewQueue, REVIEW_PER_PAGE } from "@/lib/review/list-review-queue";
import { wholeReviewQueue } from "@/tests/support/review-queue";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { publicPostBySlug } from "@/lib/posts/public-posts";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { archivePost } from "@/lib/posts/editorial/archive-post";
import { setPostFeatured } from "@/lib/posts/editorial/set-post-featured";
import { setPostHidden } from "@/lib/posts/editorial/set-post-hidden";
import { createInReviewPost, createTestPost, createTestUser } from "@/tests/support/factories";

const lastAudit = (targetId: string, action: string) => db().auditLog.findFirstOrThrow({ where: { targetId, action }, orderBy: { createdAt: "desc" } });

describe("review queue", () => {
  it("[EDITOR] sees posts in review oldest submission first, with their authors", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const contributor = await createTestUser({ role: "CONTRIBUTOR", displayName: "Kit Queue" });
    const first = await createInReviewPost({ author: contributor });
    const second = await createInReviewPost({ author: contributor });
    const queue = await wholeReviewQueue(editor);
    const ids = queue.map((p) => p.id);
    expect(ids.indexOf(first.id)).toBeLessThan(ids.indexOf(second.id));
    expect(queue.find((p) => p.id === first.id)!.author.displayName).toBe("Kit Queue");
  });

  it("[EDITOR] pages through a long queue, oldest first, with the whole count", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const mine: string[] = [];
    for (let i = 0; i < REVIEW_PER_PAGE + 3; i++) mine.push((await createInReviewPost({ author: contributor })).id);
    const first = await listReviewQueue(editor, { page: 1 });
    expect(first.items).toHaveLength(REVIEW_PER_PAGE);
    expect(first.total).toBeGreaterThanOrEqual(REVIEW_PER_PAGE + 3);
    expect(first.pages).toBe(Math.ceil(first.total / REVIEW_PER_PAGE));
    // Every page together: oldest first, ours in the order they were submitted.
    const all = await wholeReviewQueue(editor);
    expect(all.map((p) => p.id).filter((id) => mine.includes(id))).toEqual(mine);
    const times = all.map((p) => p.submittedAt?.getTime() ?? Infinity);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it("[EDITOR] approving publishes the contributor's post now, with approve and publish audit rows", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const post = await createInReviewPost({ author: contributor });
    await approvePost({ actor: editor, input: { postId: post.id } });
    const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.status).toBe("PUBLISHED");
    expect(row.reviewedById).toBe(editor.id);
    expect(await publicPostBySlug(row.slug)).not.toBeNull();
    const audit = await lastAudit(post.id, "post.approve");
    expect(audit.actorId).toBe(editor.id);
    expect(audit.changes).toMatchObject({ status: { from: "IN_REVIEW", to: "PUBLISHED" }, reviewedBy: { from: null, to: editor.id } });
    expect((await lastAudit(post.id, "post.publish")).actorId).toBe(editor.id);
  });

  it("[EDITOR] approving with a future date schedules the post (not public yet)", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createInReviewPost({ author: await createTestUser({ role: "CONTRIBUTOR" }) });
    const when = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    await approvePost({ actor: editor, input: { postId: post.id, publishAt: when } });
    const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.publishedAt?.toISOString()).toBe(when.toISOString());
    expect(await publicPostBySlug(row.slug)).toBeNull();
    expect((await lastAudit(post.id, "post.schedule")).changes).toMatchObject({ publishedAt: { from: null, to: when.toISOString() } });
  });

  it("[EDITOR] approving with a past date is refused (no backdating); the post stays in review", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createInReviewPost({ author: await createTestUser({ role: "CONTRIBUTOR" }) });
    const error = await approvePost({ actor: editor, input: { postId: post.id, publishAt: new Date(Date.now() - 60_000) } }).catch((e: unknown) => e);
    expect((error as AppError).fieldErrors?.publishAt).toBeDefined();
    expect((await db().post.findUniqueOrThrow({ where: { id: post.id } })).status).toBe("IN_REVIEW");
  });

  it("[EDITOR] requesting changes returns the post to draft with the note; the contributor resubmits and the note clears", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const post = await createInReviewPost({ author: contributor });
    await requestChanges({ actor: editor, input: { postId: post.id, note: "Add a source for the figures." } });
    let row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.status).toBe("DRAFT");
    expect(row.reviewNote).toBe("Add a source for the figures.");
    expect((await lastAudit(post.id, "post.requestChanges")).changes).toEqual({
      status: { from: "IN_REVIEW", to: "DRAFT" },
      reviewNote: { from: null, to: "Add a source for the figures." },
    });
    await submitForReview({ actor: contributor, input: { postId: post.id } });
    row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.status).toBe("IN_REVIEW");
    expect(row.reviewNote).toBeNull();
  });

  it("[EDITOR] rejecting keeps the reason for the author; an empty reason is a field error", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createInReviewPost({ author: await createTestUser({ role: "CONTRIBUTOR" }) });
    const error = await rejectPost({ actor: editor, input: { postId: post.id, reason: "  " } }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("INVALID");
    expect((error as AppError).fieldErrors?.reason).toBeDefined();
    await rejectPost({ actor: editor, input: { postId: post.id, reason: "Duplicate of last week's story." } });
    const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row).toMatchObject({ status: "REJECTED", reviewNote: "Duplicate of last week's story." });
  });

  it("[EDITOR] two editors deciding at once: exactly one decision wins", async () => {
    const [a, b] = [await createTestUser({ role: "EDITOR" }), await createTestUser({ role: "EDITOR" })];
    const post = await createInReviewPost({ author: await createTestUser({ role: "CONTRIBUTOR" }) });
    const results = await Promise.allSettled([
      approvePost({ actor: a, input: { postId: post.id } }),
      rejectPost({ actor: b, input: { postId: post.id, reason: "No." } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((failed.reason as AppError).code).toBe("CONFLICT");
    const decisions = await db().auditLog.count({ where: { targetId: post.id, action: { in: ["post.approve", "post.reject"] } } });
    expect(decisions).toBe(1);
  });

  it("[EDITOR] a post no longer in review cannot be approved", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const draft = await createTestPost({ author: await createTestUser({ role: "CONTRIBUTOR" }) });
    await expect(approvePost({ actor: editor, input: { postId: draft.id } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("[EDITOR] an edit before approving is a revision in the editor's name, audited with before/after", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createInReviewPost({ author: await createTestUser({ role: "CONTRIBUTOR" }), input: { title: "Old title", body: "Old body" } });
    await editorEditPost({ actor: editor, input: { postId: post.id, title: "New title", excerpt: "", body: "New body text", expectedVersion: post.version } });
    const revision = await db().postRevision.findFirstOrThrow({ where: { postId: post.id }, orderBy: { createdAt: "desc" } });
    expect(revision).toMatchObject({ authorId: editor.id, title: "New title", body: "New body text", reason: "editor edit" });
    expect((await lastAudit(post.id, "post.editorEdit")).changes).toEqual({
      title: { from: "Old title", to: "New title" },
      body: { from: "8 characters", to: "13 characters" },
    });
    // The stale version is refused: the editor must not overwrite newer text unseen.
    const stale = await editorEditPost({ actor: editor, input: { postId: post.id, title: "Again", excerpt: "", body: "x", expectedVersion: post.version } }).catch((e: unknown) => e);
    expect((stale as AppError).code).toBe("CONFLICT");
  });
});

describe("editorial actions on published posts", () => {
  it("[EDITOR] unpublishing someone's post makes it a draft, keeps a revision and an audit row", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    await unpublishPost({ actor: editor, input: { postId: post.id } });
    const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row).toMatchObject({ status: "DRAFT", publishedAt: null });
    expect(await publicPostBySlug(row.slug)).toBeNull();
    expect(await db().postRevision.count({ where: { postId: post.id, authorId: editor.id, reason: "unpublish" } })).toBe(1);
    expect((await lastAudit(post.id, "post.unpublish")).changes).toMatchObject({ status: { from: "PUBLISHED", to: "DRAFT" } });
  });

  it("[EDITOR] archive, feature and hide each write their audit row with before/after", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    await setPostFeatured({ actor: editor, input: { postId: post.id, featured: true } });
    expect((await lastAudit(post.id, "post.feature")).changes).toEqual({ featured: { from: false, to: true } });
    await setPostHidden({ actor: editor, input: { postId: post.id, hidden: true } });
    const hidden = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(hidden.hiddenAt).toBeInstanceOf(Date);
    expect(await publicPostBySlug(hidden.slug)).toBeNull();
    expect((await lastAudit(post.id, "post.hide")).changes).toEqual({ hiddenAt: { from: null, to: hidden.hiddenAt!.toISOString() } });
    await setPostHidden({ actor: editor, input: { postId: post.id, hidden: false } });
    expect(await publicPostBySlug(hidden.slug)).not.toBeNull();
    await archivePost({ actor: editor, input: { postId: post.id } });
    expect((await lastAudit(post.id, "post.archive")).changes).toEqual({ status: { from: "PUBLISHED", to: "ARCHIVED" }, featured: { from: true, to: false } });
    expect(await db().postRevision.count({ where: { postId: post.id, authorId: editor.id } })).toBe(4);
  });

  it("[EDITOR] a draft cannot be featured", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const draft = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }) });
    await expect(setPostFeatured({ actor: editor, input: { postId: draft.id, featured: true } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("[AUTHOR] unpublishing their own post keeps no editorial revision (it is theirs)", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, publish: true });
    const before = await db().postRevision.count({ where: { postId: post.id } });
    await unpublishPost({ actor: author, input: { postId: post.id } });
    expect(await db().postRevision.count({ where: { postId: post.id } })).toBe(before);
  });
});
