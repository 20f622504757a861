import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createComment, COMMENT_RATE_LIMIT, COMMENT_MAX_LENGTH } from "@/lib/comments/create-comment";
import { listPendingCommentsForViewer, listPublicComments } from "@/lib/comments/list-comments";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { listCommentsForModeration } from "@/lib/comments/list-comments-for-moderation";
import { reportContent } from "@/lib/reports/report-content";
import { suspendUser } from "@/lib/users/suspend-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { createTestComment, createTestPost, createTestUser } from "@/tests/support/factories";

const published = async () => createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });

describe("comments", () => {
  it("[READER] a first comment is held for moderation; after one approval the next is published at once", async () => {
    const post = await published();
    const reader = await createTestUser();
    const editor = await createTestUser({ role: "EDITOR" });
    const { comment: first } = await createComment({ actor: reader, input: { postId: post.id, body: "First!" } });
    expect(first.status).toBe("PENDING");
    expect(await listPublicComments(post.id)).toHaveLength(0);
    await moderateComments({ actor: editor, input: { commentIds: [first.id], decision: "approve" } });
    const { comment: second } = await createComment({ actor: reader, input: { postId: post.id, body: "Second, straight away." } });
    expect(second.status).toBe("APPROVED");
    expect((await listPublicComments(post.id)).map((c) => c.body)).toEqual(["First!", "Second, straight away."]);
  });

  it("[READER] a rejected first comment does not earn trust", async () => {
    const post = await published();
    const reader = await createTestUser();
    await createTestComment({ postId: post.id, author: reader, status: "REJECTED" });
    const { comment } = await createComment({ actor: reader, input: { postId: post.id, body: "Trying again" } });
    expect(comment.status).toBe("PENDING");
  });

  it("[READER] sees their own pending comment; the post's author sees all pending ones; other readers see none", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, publish: true });
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    await createTestComment({ postId: post.id, author: alice, body: "alice pending" });
    await createTestComment({ postId: post.id, author: bob, body: "bob pending" });
    expect((await listPendingCommentsForViewer(alice, post.id)).map((c) => c.body)).toEqual(["alice pending"]);
    expect((await listPendingCommentsForViewer(author, post.id)).map((c) => c.body).sort()).toEqual(["alice pending", "bob pending"]);
    expect(await listPendingCommentsForViewer(await createTestUser(), post.id)).toEqual([]);
  });

  it("[READER] refuses empty, too long and unpublished-post comments with field errors", async () => {
    const reader = await createTestUser();
    const post = await published();
    const empty = await createComment({ actor: reader, input: { postId: post.id, body: "   " } }).catch((e: unknown) => e);
    expect((empty as AppError).fieldErrors?.body).toBeDefined();
    const long = await createComment({ actor: reader, input: { postId: post.id, body: "x".repeat(COMMENT_MAX_LENGTH + 1) } }).catch((e: unknown) => e);
    expect((long as AppError).fieldErrors?.body).toBeDefined();
    const draft = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }) });
    await expect(createComment({ actor: reader, input: { postId: draft.id, body: "Hello there" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("[READER] is rate limited per user", async () => {
    const reader = await createTestUser();
    const post = await published();
    for (let i = 0; i < COMMENT_RATE_LIMIT.limit; i++) await createComment({ actor: reader, input: { postId: post.id, body: `Comment ${i}` } });
    const error = await createComment({ actor: reader, input: { postId: post.id, body: "One too many" } }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe("RATE_LIMITED");
    // Someone else is not affected.
    await expect(createComment({ actor: await createTestUser(), input: { postId: post.id, body: "Mine is fine" } })).resolves.toBeTruthy();
  });

  it("[EDITOR] comments by a suspended user are hidden from readers, and back after reactivation", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const post = await published();
    const troll = await createTestUser();
    await createTestComment({ postId: post.id, author: troll, status: "APPROVED", body: "visible until suspended" });
    expect(await listPublicComments(post.id)).toHaveLength(1);
    await suspendUser({ actor: admin, input: { userId: troll.id } });
    expect(await listPublicComments(post.id)).toHaveLength(0);
    await reactivateUser({ actor: admin, input: { userId: troll.id } });
    expect(await listPublicComments(post.id)).toHaveLength(1);
  });

  it("[EDITOR] bulk decisions change every selected comment and write one audit row each", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await published();
    const comments = [await createTestComment({ postId: post.id }), await createTestComment({ postId: post.id }), await createTestComment({ postId: post.id })];
    const result = await moderateComments({ actor: editor, input: { commentIds: comments.map((c) => c.id), decision: "spam" } });
    expect(result.count).toBe(3);
    expect(await db().comment.count({ where: { id: { in: comments.map((c) => c.id) }, status: "SPAM" } })).toBe(3);
    const audits = await db().auditLog.findMany({ where: { action: "comment.spam", targetId: { in: comments.map((c) => c.id) } } });
    expect(audits).toHaveLength(3);
    for (const a of audits) expect(a.changes).toEqual({ status: { from: "PENDING", to: "SPAM" } });
  });

  it("[EDITOR] deleting a comment keeps its text in the audit row", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await published();
    const comment = await createTestComment({ postId: post.id, body: "Buy cheap watches" });
    await moderateComments({ actor: editor, input: { commentIds: [comment.id], decision: "delete" } });
    expect(await db().comment.findUnique({ where: { id: comment.id } })).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "comment.delete", targetId: comment.id } });
    expect(audit.changes).toEqual({ status: { from: "PENDING", to: null }, body: { from: "Buy cheap watches", to: null } });
  });

  it("[EDITOR] filters moderation by post and by user, and shows report counts", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await published();
    const other = await published();
    const reader = await createTestUser();
    const mine = await createTestComment({ postId: post.id, author: reader, status: "APPROVED" });
    await createTestComment({ postId: other.id, status: "APPROVED" });
    await reportContent({ actor: await createTestUser(), input: { commentId: mine.id, reason: "Spam link" } });
    await reportContent({ actor: await createTestUser(), input: { commentId: mine.id, reason: "Insulting" } });
    const byPost = await listCommentsForModeration(editor, { tab: "approved", post: post.slug, page: 1 });
    expect(byPost.comments.map((c) => c.id)).toEqual([mine.id]);
    expect(byPost.comments[0]!._count.reports).toBe(2);
    const byUser = await listCommentsForModeration(editor, { tab: "approved", user: reader.username, page: 1 });
    expect(byUser.comments.map((c) => c.id)).toEqual([mine.id]);
    const reported = await listCommentsForModeration(editor, { tab: "reported", page: 1 });
    expect(reported.comments.map((c) => c.id)).toContain(mine.id);
    // A decision resolves the reports.
    await moderateComments({ actor: editor, input: { commentIds: [mine.id], decision: "reject" } });
    expect(await db().report.count({ where: { commentId: mine.id, status: "OPEN" } })).toBe(0);
  });
});

describe("reports", () => {
  it("[READER] reports an article once; a repeat does not add a second open report", async () => {
    const post = await published();
    const reader = await createTestUser();
    await reportContent({ actor: reader, input: { postId: post.id, reason: "Plagiarised" } });
    await reportContent({ actor: reader, input: { postId: post.id, reason: "Plagiarised again" } });
    expect(await db().report.count({ where: { postId: post.id, status: "OPEN" } })).toBe(1);
  });

  it("[READER] cannot report a pending comment or name both an article and a comment", async () => {
    const post = await published();
    const pending = await createTestComment({ postId: post.id });
    await expect(reportContent({ actor: await createTestUser(), input: { commentId: pending.id, reason: "whatever" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reportContent({ actor: await createTestUser(), input: { commentId: pending.id, postId: post.id, reason: "whatever" } })).rejects.toMatchObject({ code: "INVALID" });
  });
});
