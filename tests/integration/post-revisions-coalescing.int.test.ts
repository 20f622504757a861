import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPost } from "@/lib/posts/create-post";
import { createDraft, ABANDONED_BLANK_DRAFT_MS } from "@/lib/posts/create-draft";
import { updatePost } from "@/lib/posts/update-post";
import { publishPost } from "@/lib/posts/publish-post";
import { restoreRevision } from "@/lib/posts/restore-revision";
import { updateLivePost } from "@/lib/posts/update-live-post";
import { AUTOSAVE_REVISION_WINDOW_MS } from "@/lib/posts/keep-revision";
import { listMyPosts, myPostsFilter } from "@/lib/posts/list-my-posts";
import { createTestUser } from "@/tests/support/factories";
import type { Actor } from "@/lib/authz/permissions";

const revisions = (postId: string) => db().postRevision.findMany({ where: { postId }, orderBy: [{ createdAt: "asc" }, { version: "asc" }] });

async function save(actor: Actor, postId: string, body: string, reason: "autosave" | "save", title = "Coalesced") {
  const { version } = await db().post.findUniqueOrThrow({ where: { id: postId }, select: { version: true } });
  return updatePost({ actor, input: { postId, expectedVersion: version, title, body, reason } });
}

/** Moves every revision of the post back in time, as if the last save was that long ago. */
const age = (postId: string, ms: number) => db().$executeRaw`UPDATE "PostRevision" SET "createdAt" = "createdAt" - make_interval(secs => ${ms / 1000}) WHERE "postId" = ${postId}`;

describe("revision coalescing", () => {
  it("[AUTHOR] autosaves within the window update one revision; it holds the newest text and version", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: { title: "Coalesced", body: "Start." } });
    for (const body of ["One.", "One. Two.", "One. Two. Three."]) await save(author, post.id, body, "autosave");
    const rows = await revisions(post.id);
    expect(rows.map((r) => r.reason)).toEqual(["create", "autosave"]);
    const current = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(rows[1]).toMatchObject({ body: "One. Two. Three.", version: current.version });
  });

  it("[AUTHOR] an autosave after the window starts a new revision", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: { title: "Coalesced", body: "Start." } });
    await save(author, post.id, "Early.", "autosave");
    await age(post.id, AUTOSAVE_REVISION_WINDOW_MS + 1000);
    await save(author, post.id, "Later.", "autosave");
    expect((await revisions(post.id)).map((r) => [r.reason, r.body])).toEqual([
      ["create", "Start."],
      ["autosave", "Early."],
      ["autosave", "Later."],
    ]);
  });

  it("[AUTHOR] explicit saves always add a revision, and the next autosave does not fold into one", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: { title: "Coalesced", body: "Start." } });
    await save(author, post.id, "A.", "autosave");
    await save(author, post.id, "B.", "save");
    await save(author, post.id, "C.", "save");
    await save(author, post.id, "D.", "autosave");
    expect((await revisions(post.id)).map((r) => [r.reason, r.body])).toEqual([
      ["create", "Start."],
      ["autosave", "A."],
      ["save", "B."],
      ["save", "C."],
      ["autosave", "D."],
    ]);
  });

  it("[AUTHOR→EDITOR] another person's autosave never folds into the author's revision", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createPost({ actor: author, input: { title: "Coalesced", body: "Start." } });
    await save(author, post.id, "Author's.", "autosave");
    await save(editor, post.id, "Editor's.", "autosave");
    await save(author, post.id, "Author's again.", "autosave");
    const rows = await revisions(post.id);
    expect(rows.map((r) => [r.authorId, r.body])).toEqual([
      [author.id, "Start."],
      [author.id, "Author's."],
      [editor.id, "Editor's."],
      [author.id, "Author's again."],
    ]);
  });

  it("[AUTHOR] a published post's working copy coalesces too; Update and restore keep their own revisions", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: { title: "Coalesced", body: "Live." } });
    await publishPost({ actor: author, input: { postId: post.id, expectedVersion: post.version } });
    const before = (await revisions(post.id)).length;
    for (const body of ["Edit 1.", "Edit 2.", "Edit 3."]) await save(author, post.id, body, "autosave");
    let rows = await revisions(post.id);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ reason: "autosave", body: "Edit 3." });
    expect((await db().postWorkingCopy.findUniqueOrThrow({ where: { postId: post.id } })).body).toBe("Edit 3.");

    const { version } = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    await updateLivePost({ actor: author, input: { postId: post.id, expectedVersion: version } });
    const live = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    await restoreRevision({ actor: author, input: { postId: post.id, revisionId: rows[0]!.id, expectedVersion: live.version } });
    rows = await revisions(post.id);
    expect(rows.slice(-3).map((r) => r.reason)).toEqual(["autosave", "updated", "restore"]);
  });
});

describe("New post: blank drafts", () => {
  it("[AUTHOR] 'New post' creates a blank draft with no revision that My Posts does not list; the first autosave names it and keeps one revision", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const draft = await createDraft({ actor: author, input: {} });
    const stored = await db().post.findUniqueOrThrow({ where: { id: draft.id } });
    expect(stored).toMatchObject({ title: "", body: "", status: "DRAFT", authorId: author.id, version: 1 });
    expect(await revisions(draft.id)).toHaveLength(0);
    expect((await listMyPosts(author, myPostsFilter.parse({}))).total).toBe(0);

    const title = `Blank no more ${draft.id}`;
    await updatePost({ actor: author, input: { postId: draft.id, expectedVersion: 1, title, body: "First words.", slug: "", reason: "autosave" } });
    await save(author, draft.id, "First words, and more.", "autosave", title);
    const named = await db().post.findUniqueOrThrow({ where: { id: draft.id } });
    expect(named.slug).toBe(`blank-no-more-${draft.id.toLowerCase()}`);
    expect((await revisions(draft.id)).map((r) => [r.reason, r.body])).toEqual([["autosave", "First words, and more."]]);
    const listed = await listMyPosts(author, myPostsFilter.parse({}));
    expect(listed.posts.map((p) => p.id)).toEqual([draft.id]);
  });

  it("[AUTHOR] a blank draft's first save takes a free slug when the title's is taken", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const taken = await createPost({ actor: author, input: { title: `Same title ${author.id}` } });
    const draft = await createDraft({ actor: author, input: {} });
    const result = await updatePost({ actor: author, input: { postId: draft.id, expectedVersion: 1, title: `Same title ${author.id}`, slug: "", reason: "autosave" } });
    expect(result.post.slug).toBe(`${taken.slug}-2`);
  });

  it("[AUTHOR] 'New post' removes the author's blank drafts abandoned for a day, and no one else's or any written draft", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const other = await createTestUser({ role: "AUTHOR" });
    const abandoned = await createDraft({ actor: author, input: {} });
    const recent = await createDraft({ actor: author, input: {} });
    const othersAbandoned = await createDraft({ actor: other, input: {} });
    const written = await createDraft({ actor: author, input: {} });
    await updatePost({ actor: author, input: { postId: written.id, expectedVersion: 1, title: "Written", reason: "autosave" } });
    const old = new Date(Date.now() - ABANDONED_BLANK_DRAFT_MS - 60_000);
    await db().post.updateMany({ where: { id: { in: [abandoned.id, othersAbandoned.id, written.id] } }, data: { createdAt: old } });

    const next = await createDraft({ actor: author, input: {} });
    const left = (await db().post.findMany({ where: { id: { in: [abandoned.id, recent.id, othersAbandoned.id, written.id, next.id] } }, select: { id: true } })).map((p) => p.id);
    expect(left.sort()).toEqual([recent.id, othersAbandoned.id, written.id, next.id].sort());
  });

  it("[READER] cannot create a draft", async () => {
    const reader = await createTestUser({ role: "READER" });
    await expect(createDraft({ actor: reader, input: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
