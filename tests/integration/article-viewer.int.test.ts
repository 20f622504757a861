import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/permissions";
import { articleViewer } from "@/lib/posts/article-viewer";
import { createTestComment, createTestPost, createTestUser, testEditor } from "@/tests/support/factories";

/**
 * The per-visitor parts of a cached article page (GET /api/comments/viewer):
 * what each visitor may do there, their pending comments and an Edit link
 * only for those canOnPost lets edit.
 */
let author: Actor;
let post: { id: string };
let reader: Actor;
let otherReader: Actor;
let ownPending: { id: string };
let othersPending: { id: string };

beforeAll(async () => {
  author = await createTestUser({ role: "AUTHOR" });
  post = await createTestPost({ author, publish: true });
  reader = await createTestUser();
  otherReader = await createTestUser();
  ownPending = await createTestComment({ postId: post.id, author: reader });
  othersPending = await createTestComment({ postId: post.id, author: otherReader });
});

describe("article viewer", () => {
  it("[ANONYMOUS] gets nothing personal: no form, no pending comments, no Edit link", async () => {
    expect(await articleViewer(null, post.id)).toEqual({ signedIn: false, canComment: false, canReport: false, editUrl: null, pending: [] });
  });

  it("[READER] may comment and report, sees only their own pending comment, and no Edit link", async () => {
    const viewer = await articleViewer(reader, post.id);
    expect(viewer).toMatchObject({ signedIn: true, canComment: true, canReport: true, editUrl: null });
    expect(viewer.pending.map((c) => c.id)).toEqual([ownPending.id]);
  });

  it("[AUTHOR] of the post sees every pending comment and edits it in My Posts' editor", async () => {
    const viewer = await articleViewer(author, post.id);
    expect(viewer.editUrl).toBe(`/dashboard/posts/${post.id}/edit`);
    expect(viewer.pending.map((c) => c.id).sort()).toEqual([ownPending.id, othersPending.id].sort());
  });

  it("[AUTHOR] of another post gets no Edit link and only their own pending comments", async () => {
    const viewer = await articleViewer(await createTestUser({ role: "AUTHOR" }), post.id);
    expect(viewer.editUrl).toBeNull();
    expect(viewer.pending).toEqual([]);
  });

  it("[EDITOR] edits someone else's post in the admin editor and sees every pending comment", async () => {
    const viewer = await articleViewer(await testEditor(), post.id);
    expect(viewer.editUrl).toBe(`/admin/posts/${post.id}/edit`);
    expect(viewer.pending).toHaveLength(2);
  });

  it("[READER] an unknown post id answers signed in, with nothing to do", async () => {
    expect(await articleViewer(reader, "no-such-post")).toEqual({ signedIn: true, canComment: false, canReport: false, editUrl: null, pending: [] });
  });
});
