import { describe, expect, it } from "vitest";
import { NO_EFFECT, SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";
import { createTerm } from "@/lib/taxonomy/create-term";
import { updateTerm } from "@/lib/taxonomy/update-term";
import { deleteTerm } from "@/lib/taxonomy/delete-term";
import { mergeTags } from "@/lib/taxonomy/merge-tags";
import { updateSiteSettings } from "@/lib/site-settings/site-settings";
import { approvePost } from "@/lib/review/approve-post";
import { rejectPost } from "@/lib/review/reject-post";
import { requestChanges } from "@/lib/review/request-changes";
import { editorEditPost } from "@/lib/review/editor-edit-post";
import { updatePost } from "@/lib/posts/update-post";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { createComment } from "@/lib/comments/create-comment";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { reportContent } from "@/lib/reports/report-content";
import { dismissReports } from "@/lib/reports/dismiss-reports";
import { updateProfile } from "@/lib/users/update-profile";
import { suspendUser } from "@/lib/users/suspend-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { deleteUser } from "@/lib/users/delete-user";
import { changeUserRole } from "@/lib/users/change-user-role";
import { inviteUser } from "@/lib/users/invite-user";
import { changePassword } from "@/lib/users/change-password";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { createInReviewPost, createTestComment, createTestPost, createTestUser, makeImageBytes, TEST_PASSWORD, uniqueId } from "@/tests/support/factories";

/**
 * What each use case tells the page cache readers now see differently
 * (lib/cache/reader-effect.ts): exactly that, and nothing when nothing public changed.
 */
describe("effects on readers: sections and tags", () => {
  it("[EDITOR] creating, renaming, describing or deleting a section is site-wide (the header lists sections); a description shows on its page only", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const name = `Section ${uniqueId()}`;
    const created = await createTerm.execute({ actor: editor, input: { kind: "category", name } });
    expect(created.effect).toEqual(SITE_WIDE_EFFECT);
    const section = created.result;
    const renamed = await updateTerm.execute({ actor: editor, input: { kind: "category", id: section.id, name: `${name} renamed`, slug: section.slug } });
    expect(renamed.effect).toEqual(SITE_WIDE_EFFECT);
    const described = await updateTerm.execute({ actor: editor, input: { kind: "category", id: section.id, name: `${name} renamed`, slug: section.slug, description: "What it covers" } });
    expect(described.effect).toEqual({ ...NO_EFFECT, lists: [`section:${section.id}`] });
    const deleted = await deleteTerm.execute({ actor: editor, input: { kind: "category", id: section.id } });
    expect(deleted.effect).toEqual(SITE_WIDE_EFFECT);
  });

  it("[EDITOR] a new tag expires its address (a cached 404 at /tag/<slug>)", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const { result: tag, effect } = await createTerm.execute({ actor: editor, input: { kind: "tag", name: `Tag ${uniqueId()}` } });
    expect(effect).toEqual({ ...NO_EFFECT, tagSlugs: [tag.slug] });
  });

  it("[EDITOR] renaming a tag's slug names the tag and both addresses (and old ones redirecting to it); a save that changes nothing expires nothing", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const base = uniqueId("tg");
    const tag = await createTerm({ actor: editor, input: { kind: "tag", name: base, slug: `${base}-one` } });
    const first = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-two` } });
    expect(first.effect).toEqual({ ...NO_EFFECT, tags: [tag.id], tagSlugs: [`${base}-one`, `${base}-two`] });
    // /tag/<base>-one redirected to -two; now it redirects to -three.
    const second = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-three` } });
    expect(second.effect.tagSlugs.sort()).toEqual([`${base}-one`, `${base}-three`, `${base}-two`]);
    const described = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-three`, description: "New words" } });
    expect(described.effect).toEqual({ ...NO_EFFECT, tags: [tag.id] });
    const unchanged = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-three`, description: "New words" } });
    expect(unchanged.effect).toEqual(NO_EFFECT);
  });

  it("[EDITOR] deleting a tag names it, its address, its list and the live articles that showed it (not drafts)", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const tag = await createTerm({ actor: editor, input: { kind: "tag", name: `Gone ${uniqueId()}` } });
    const live = await createTestPost({ author, input: { tagIds: [tag.id] }, publish: true });
    await createTestPost({ author, input: { tagIds: [tag.id] } });
    const { effect } = await deleteTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id } });
    expect(effect).toEqual({ ...NO_EFFECT, posts: [live.id], tags: [tag.id], tagSlugs: [tag.slug], lists: [`tag:${tag.id}`] });
  });

  it("[EDITOR] merging tags names the source (gone), its articles and both lists", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const source = await createTerm({ actor: editor, input: { kind: "tag", name: `Src ${uniqueId()}` } });
    const target = await createTerm({ actor: editor, input: { kind: "tag", name: `Dst ${uniqueId()}` } });
    const post = await createTestPost({ author, input: { tagIds: [source.id] }, publish: true });
    const { effect } = await mergeTags.execute({ actor: editor, input: { source: source.name, target: target.slug } });
    expect(effect).toEqual({ ...NO_EFFECT, posts: [post.id], tags: [source.id], tagSlugs: [source.slug], lists: [`tag:${source.id}`, `tag:${target.id}`] });
  });
});

describe("effects on readers: accounts", () => {
  it("[AUTHOR] a profile save that changes nothing expires nothing; a new bio or avatar names the author", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    await createTestPost({ author, publish: true });
    const same = await updateProfile.execute({ actor: author, input: { displayName: author.displayName, bio: "" } });
    expect(same.effect).toEqual(NO_EFFECT);
    const bio = await updateProfile.execute({ actor: author, input: { displayName: author.displayName, bio: "I write about rivers." } });
    expect(bio.effect).toEqual({ ...NO_EFFECT, authors: [author.id] });
    const avatar = await updateProfile.execute({ actor: author, input: { displayName: author.displayName, bio: "I write about rivers.", avatar: await makeImageBytes("png") } });
    expect(avatar.effect).toEqual({ ...NO_EFFECT, authors: [author.id] });
    // The digest setting is not something readers see.
    const digest = await updateProfile.execute({ actor: author, input: { displayName: author.displayName, bio: "I write about rivers.", commentDigest: true } });
    expect(digest.result.commentDigest).toBe(true);
    expect(digest.effect).toEqual(NO_EFFECT);
  });

  it("[READER] renaming oneself changes the live articles showing one's approved comments, and no byline (readers have none)", async () => {
    const post = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    const reader = await createTestUser();
    // Held for moderation (a first comment): not on the public page.
    const elsewhere = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    expect((await createTestComment({ postId: elsewhere.id, author: reader })).status).toBe("PENDING");
    await createTestComment({ postId: post.id, author: reader, status: "APPROVED" });
    const renamed = await updateProfile.execute({ actor: reader, input: { displayName: "Someone new", bio: "" } });
    expect(renamed.effect).toEqual({ ...NO_EFFECT, posts: [post.id] });
    const bio = await updateProfile.execute({ actor: reader, input: { displayName: "Someone new", bio: "Only on my profile form" } });
    expect(bio.effect).toEqual(NO_EFFECT);
  });

  it("[ADMIN] suspending, reactivating or deleting an account changes the live articles showing its approved comments, not its posts", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, publish: true });
    const commenter = await createTestUser();
    await createTestComment({ postId: post.id, author: commenter, status: "APPROVED" });
    expect((await suspendUser.execute({ actor: admin, input: { userId: commenter.id } })).effect).toEqual({ ...NO_EFFECT, posts: [post.id] });
    expect((await reactivateUser.execute({ actor: admin, input: { userId: commenter.id } })).effect).toEqual({ ...NO_EFFECT, posts: [post.id] });
    // An author's published posts stay up while suspended: bylines do not depend on the account's status.
    expect((await suspendUser.execute({ actor: admin, input: { userId: author.id } })).effect).toEqual(NO_EFFECT);
    expect((await deleteUser.execute({ actor: admin, input: { userId: commenter.id } })).effect).toEqual({ ...NO_EFFECT, posts: [post.id] });
    // A suspended account's comments were hidden already.
    const hidden = await createTestUser();
    await createTestComment({ postId: post.id, author: hidden, status: "APPROVED" });
    await suspendUser({ actor: admin, input: { userId: hidden.id } });
    expect((await deleteUser.execute({ actor: admin, input: { userId: hidden.id } })).effect).toEqual(NO_EFFECT);
  });

  it("[ADMIN] roles, invitations, password resets and password changes are nothing readers see", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const author = await createTestUser({ role: "AUTHOR" });
    await createTestPost({ author, publish: true });
    expect((await changeUserRole.execute({ actor: admin, input: { userId: author.id, role: "READER" } })).effect).toEqual(NO_EFFECT);
    expect((await inviteUser.execute({ actor: admin, input: { email: `${uniqueId("inv")}@example.test`, displayName: "New Person", role: "AUTHOR" } })).effect).toEqual(NO_EFFECT);
    expect((await issuePasswordReset.execute({ actor: admin, input: { userId: author.id } })).effect).toEqual(NO_EFFECT);
    const reader = await createTestUser();
    const changed = await changePassword.execute({ actor: reader, input: { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-secret-77", confirmPassword: "a-brand-new-secret-77" } });
    expect(changed.effect).toEqual(NO_EFFECT);
  });
});

describe("effects on readers: site settings", () => {
  it("[ADMIN] a changed title is site-wide; saving the same values expires nothing", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const title = `Gazette ${uniqueId()}`;
    const changed = await updateSiteSettings.execute({ actor: admin, input: { title, description: "" } });
    expect(changed.effect).toEqual(SITE_WIDE_EFFECT);
    const same = await updateSiteSettings.execute({ actor: admin, input: { title, description: "" } });
    expect(same).toEqual({ result: { changed: [] }, effect: NO_EFFECT });
    // Back to the configured title: other files in this worker read the site's name.
    await updateSiteSettings({ actor: admin, input: { title: "", description: "" } });
  });
});

describe("effects on readers: comments and reports", () => {
  it("[READER] a first comment (pending) changes nothing readers see; a trusted one appears on the article at once", async () => {
    const post = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    const reader = await createTestUser();
    const first = await createComment.execute({ actor: reader, input: { postId: post.id, body: "First!" } });
    expect(first.result.comment.status).toBe("PENDING");
    expect(first.effect).toEqual(NO_EFFECT);
    const editor = await createTestUser({ role: "EDITOR" });
    const own = await createComment.execute({ actor: editor, input: { postId: post.id, body: "From the desk." } });
    expect(own.effect).toEqual({ ...NO_EFFECT, posts: [post.id] });
  });

  it("[EDITOR] approving or removing a shown comment changes its article; deciding a pending one otherwise changes nothing", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    const other = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    const pending = await createTestComment({ postId: post.id });
    const approved = await moderateComments.execute({ actor: editor, input: { commentIds: [pending.id], decision: "approve" } });
    expect(approved.effect).toEqual({ ...NO_EFFECT, posts: [post.id] });
    // Approving again changes nothing.
    expect((await moderateComments.execute({ actor: editor, input: { commentIds: [pending.id], decision: "approve" } })).effect).toEqual(NO_EFFECT);
    const spam = await createTestComment({ postId: other.id });
    expect((await moderateComments.execute({ actor: editor, input: { commentIds: [spam.id], decision: "spam" } })).effect).toEqual(NO_EFFECT);
    expect((await moderateComments.execute({ actor: editor, input: { commentIds: [spam.id], decision: "delete" } })).effect).toEqual(NO_EFFECT);
    const rejected = await moderateComments.execute({ actor: editor, input: { commentIds: [pending.id], decision: "reject" } });
    expect(rejected.effect).toEqual({ ...NO_EFFECT, posts: [post.id] });
    const shown = await createTestComment({ postId: other.id, status: "APPROVED" });
    const deleted = await moderateComments.execute({ actor: editor, input: { commentIds: [shown.id], decision: "delete" } });
    expect(deleted.effect).toEqual({ ...NO_EFFECT, posts: [other.id] });
  });

  it("[READER] reporting and dismissing reports hide nothing", async () => {
    const post = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: true });
    const comment = await createTestComment({ postId: post.id, status: "APPROVED" });
    const reader = await createTestUser();
    expect((await reportContent.execute({ actor: reader, input: { commentId: comment.id, reason: "Rude words" } })).effect).toEqual(NO_EFFECT);
    const editor = await createTestUser({ role: "EDITOR" });
    expect((await dismissReports.execute({ actor: editor, input: { commentId: comment.id } })).effect).toEqual(NO_EFFECT);
  });
});

describe("effects on readers: review", () => {
  it("[EDITOR] approving publishes: the article, its address and the lists it joins; approving for later changes nothing yet", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const post = await createInReviewPost({ author: contributor });
    const { result, effect } = await approvePost.execute({ actor: editor, input: { postId: post.id } });
    expect(effect).toEqual({ ...NO_EFFECT, posts: [post.id], slugs: [result.slug], lists: ["home", `author:${contributor.id}`] });
    const later = await createInReviewPost({ author: contributor });
    // The review form's datetime-local value, read as UTC.
    const when = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString().slice(0, 16);
    const scheduled = await approvePost.execute({ actor: editor, input: { postId: later.id, publishAt: when } });
    expect(scheduled.result.publishedAt?.toISOString()).toBe(`${when}:00.000Z`);
    expect(scheduled.effect).toEqual(NO_EFFECT);
  });

  it("[EDITOR] sending back or rejecting a post in review changes nothing readers see", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const a = await createInReviewPost({ author: contributor });
    expect((await requestChanges.execute({ actor: editor, input: { postId: a.id, note: "Add a source." } })).effect).toEqual(NO_EFFECT);
    const b = await createInReviewPost({ author: contributor });
    expect((await rejectPost.execute({ actor: editor, input: { postId: b.id, reason: "Not for us." } })).effect).toEqual(NO_EFFECT);
  });

  it("[EDITOR] submitted changes to a live post: rejecting keeps the live article (nothing), approving changes it", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const live = await approvePost({ actor: editor, input: { postId: (await createInReviewPost({ author: contributor })).id } });
    const saved = await updatePost({ actor: contributor, input: { postId: live.id, expectedVersion: live.version, title: live.title, body: "The corrected report." } });
    await submitForReview({ actor: contributor, input: { postId: live.id } });
    expect((await rejectPost.execute({ actor: editor, input: { postId: live.id, reason: "Keep it as it is." } })).effect).toEqual(NO_EFFECT);
    await submitForReview({ actor: contributor, input: { postId: live.id } });
    const approved = await approvePost.execute({ actor: editor, input: { postId: live.id } });
    expect(saved.hasWorkingCopy).toBe(true);
    expect(approved.result.approvedChanges).toBe(true);
    expect(approved.effect).toEqual({ ...NO_EFFECT, posts: [live.id] });
  });

  it("[EDITOR] an editor's edit changes a live article; one of a post in review, or an edit that changes nothing, changes nothing", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const live = await createTestPost({ author, publish: true });
    const edited = await editorEditPost.execute({ actor: editor, input: { postId: live.id, title: live.title, excerpt: "", body: "Fixed a typo.", expectedVersion: live.version } });
    expect(edited.effect).toEqual({ ...NO_EFFECT, posts: [live.id] });
    const same = await editorEditPost.execute({ actor: editor, input: { postId: live.id, title: live.title, excerpt: "", body: "Fixed a typo.", expectedVersion: edited.result.version } });
    expect(same.effect).toEqual(NO_EFFECT);
    const inReview = await createInReviewPost({ author: await createTestUser({ role: "CONTRIBUTOR" }) });
    const reviewed = await editorEditPost.execute({ actor: editor, input: { postId: inReview.id, title: "Sharper headline", excerpt: "", body: inReview.body, expectedVersion: inReview.version } });
    expect(reviewed.effect).toEqual(NO_EFFECT);
  });
});
