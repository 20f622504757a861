import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NO_EFFECT } from "@/lib/cache/reader-effect";
import pg from "pg";
import Parser from "rss-parser";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/authz/permissions";
import { updatePost } from "@/lib/posts/update-post";
import { updateLivePost } from "@/lib/posts/update-live-post";
import { discardWorkingCopy } from "@/lib/posts/discard-working-copy";
import { getPostForEdit } from "@/lib/posts/get-post-for-edit";
import { listMyPosts, myPostsFilter } from "@/lib/posts/list-my-posts";
import { restoreRevision } from "@/lib/posts/restore-revision";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { schedulePost } from "@/lib/posts/schedule-post";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { listPublishedPosts } from "@/lib/posts/public-posts";
import { publicArticle } from "@/lib/posts/public-article";
import { searchPublishedPosts } from "@/lib/posts/search-posts";
import { relatedPosts } from "@/lib/posts/related-posts";
import { buildRssFeed } from "@/lib/feeds/build-feed";
import { postSitemapEntries } from "@/lib/seo/sitemap";
import { wholeReviewQueue } from "@/tests/support/review-queue";
import { approvePost } from "@/lib/review/approve-post";
import { requestChanges } from "@/lib/review/request-changes";
import { editorEditPost } from "@/lib/review/editor-edit-post";
import { uploadImage } from "@/lib/media/upload-image";
import { createTestCategory, createTestPost, createTestTag, createTestUser, makeImageBytes, uniqueId } from "@/tests/support/factories";

/**
 * Edits of a published post stay in its working copy until "Update":
 * readers, feeds, search, the sitemap and related blocks keep the live
 * version, and nothing in the public cache expires on a working-copy save.
 */

// Route handlers and actions resolve the signed-in actor from the session; here the test names it.
const session = vi.hoisted(() => ({ actor: null as Actor | null }));
vi.mock("@/lib/auth/session", () => ({ getActor: async () => session.actor, requirePageActor: async () => session.actor }));
// Outside a Next request, Next's revalidateTag throws "static generation store missing"; lib/cache/revalidate.ts
// answers that by broadcasting through PostgreSQL (the rows and notifications counted below). The editor's private
// dashboard path has no such fallback, so only that call is skipped here.
vi.mock("next/cache", async (importOriginal) => {
  const original = await importOriginal<typeof import("next/cache")>();
  return { ...original, revalidatePath: (path: string, type?: "layout" | "page") => (path === "/" ? original.revalidatePath(path, type) : undefined) };
});

const content = (title: string, body: string, extra: Record<string, unknown> = {}) => ({ title, body, ...extra });

async function publishedPost(author: Actor, extra: Record<string, unknown> = {}) {
  const word = uniqueId("livewords");
  const post = await createTestPost({ author, input: { title: `Live ${word}`, body: `The live text about ${word}.`, slug: `live-${word}`, ...extra }, publish: true });
  return { post, word };
}

async function publicText(slug: string) {
  const lookup = await publicArticle(slug);
  return lookup.kind === "article" ? { title: lookup.data.post.title, body: lookup.data.post.body } : lookup;
}

describe("working copies of published posts", () => {
  it("[AUTHOR] an autosave of a published post is a working copy: readers keep the live version everywhere", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const category = await createTestCategory();
    const otherCategory = await createTestCategory();
    const tag = await createTestTag();
    const { post, word } = await publishedPost(author, { categoryId: category.id, tagIds: [tag.id] });
    const before = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    const draftWord = uniqueId("halftyped");
    const newSlug = `renamed-${draftWord}`;

    const { result: saved, effect } = await updatePost.execute({
      actor: author,
      input: { postId: post.id, expectedVersion: post.version, reason: "autosave", ...content(`Half-typed ${draftWord}`, `A half-typed sentence about ${draftWord}`, { slug: newSlug, categoryId: otherCategory.id, tagNames: ["Brand new tag"] }) },
    });
    expect(saved).toMatchObject({ changed: true, hasWorkingCopy: true, liveSlug: post.slug });
    expect(effect).toEqual(NO_EFFECT);
    expect(saved.post.version).toBe(post.version + 1);

    // The post row keeps its live content and its "Updated" date; only the version moved.
    const after = await db().post.findUniqueOrThrow({ where: { id: post.id }, include: { tags: true } });
    expect(after).toMatchObject({ title: before.title, body: before.body, slug: before.slug, categoryId: category.id, version: post.version + 1 });
    expect(after.updatedAt.toISOString()).toBe(before.updatedAt.toISOString());
    expect(after.tags.map((t) => t.tagId)).toEqual([tag.id]);
    expect(await db().postWorkingCopy.findUnique({ where: { postId: post.id } })).toMatchObject({ title: `Half-typed ${draftWord}`, slug: newSlug, categoryId: otherCategory.id });

    // The editor opens the working copy, and knows what readers see.
    const edit = await getPostForEdit({ actor: author, input: { postId: post.id } });
    expect(edit).toMatchObject({ title: `Half-typed ${draftWord}`, slug: newSlug, categoryId: otherCategory.id, live: { title: before.title, slug: before.slug } });
    expect(edit.tags.map((t) => t.name)).toEqual(["Brand new tag"]);
    expect(edit.workingCopy).not.toBeNull();

    // Readers: article, lists, search, feeds, sitemap, related blocks.
    expect(await publicText(post.slug)).toEqual({ title: before.title, body: before.body });
    expect((await publicArticle(newSlug)).kind).toBe("missing");
    expect((await listPublishedPosts({ list: { kind: "section", sectionId: category.id }, page: 1, perPage: 50 })).posts.map((p) => p.title)).toEqual([before.title]);
    expect((await listPublishedPosts({ list: { kind: "section", sectionId: otherCategory.id }, page: 1, perPage: 50 })).total).toBe(0);
    expect((await searchPublishedPosts({ query: draftWord })).total).toBe(0);
    expect((await searchPublishedPosts({ query: word })).hits.map((h) => h.title)).toEqual([before.title]);
    const feed = await new Parser().parseString((await buildRssFeed())!);
    expect(feed.items.some((i) => i.title === before.title)).toBe(true);
    expect(feed.items.some((i) => i.title?.includes(draftWord))).toBe(false);
    const urls = ((await postSitemapEntries(1)) ?? []).map((e) => e.url);
    expect(urls.some((u) => u.endsWith(`/posts/${post.slug}`))).toBe(true);
    expect(urls.some((u) => u.endsWith(`/posts/${newSlug}`))).toBe(false);
    const related = await relatedPosts({ id: "none", categoryId: category.id, tagIds: [tag.id] }, 50);
    expect(related.find((p) => p.id === post.id)?.title).toBe(before.title);

    // My Posts marks it.
    const mine = await listMyPosts(author, myPostsFilter.parse({}));
    expect(mine.posts.find((p) => p.id === post.id)?.changes).toMatchObject({ title: `Half-typed ${draftWord}` });
  });

  it("[AUTHOR] 'Update' promotes the working copy in one step: version check, 'updated' revision, audit row; the old slug redirects only now", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const tag = await createTestTag();
    const { post } = await publishedPost(author);
    const newSlug = `updated-${uniqueId()}`;
    const saved = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("The corrected headline", "The corrected text.", { slug: newSlug, tagIds: [tag.id] }) } });
    expect(await db().slugRedirect.findUnique({ where: { fromSlug: post.slug } })).toBeNull();

    // A stale version is refused and changes nothing.
    await expect(updateLivePost({ actor: author, input: { postId: post.id, expectedVersion: post.version } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await publicText(post.slug)).toMatchObject({ title: post.title });

    const result = await updateLivePost({ actor: author, input: { postId: post.id, expectedVersion: saved.post.version } });
    expect(result).toMatchObject({ changed: true, previousSlug: post.slug });
    expect(result.post.version).toBe(saved.post.version + 1);
    expect(await publicText(newSlug)).toEqual({ title: "The corrected headline", body: "The corrected text." });
    expect(await publicArticle(post.slug)).toEqual({ kind: "redirect", slug: newSlug });
    expect(await db().postWorkingCopy.findUnique({ where: { postId: post.id } })).toBeNull();
    expect((await db().postTag.findMany({ where: { postId: post.id } })).map((t) => t.tagId)).toEqual([tag.id]);
    const revision = await db().postRevision.findFirstOrThrow({ where: { postId: post.id }, orderBy: { createdAt: "desc" } });
    expect(revision).toMatchObject({ reason: "updated", title: "The corrected headline", version: result.post.version, authorId: author.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { targetId: post.id, action: "post.update" } });
    expect(audit.changes).toMatchObject({ title: { from: post.title, to: "The corrected headline" }, slug: { from: post.slug, to: newSlug } });

    // Update without changes is fine and changes nothing.
    const again = await updateLivePost({ actor: author, input: { postId: post.id, expectedVersion: result.post.version } });
    expect(again.changed).toBe(false);
    expect(again.post.version).toBe(result.post.version);
  });

  it("[AUTHOR] 'Discard changes' drops the working copy; the editor gets the live version back and a stale tab gets a conflict", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const { post } = await publishedPost(author);
    const saved = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Not for readers", "Scrap this.") } });
    const discarded = await discardWorkingCopy({ actor: author, input: { postId: post.id, expectedVersion: saved.post.version } });
    expect(discarded.discarded).toBe(true);
    expect(await db().postWorkingCopy.findUnique({ where: { postId: post.id } })).toBeNull();
    const edit = await getPostForEdit({ actor: author, input: { postId: post.id } });
    expect(edit).toMatchObject({ title: post.title, body: post.body, version: discarded.post.version, workingCopy: null });
    expect(await publicText(post.slug)).toMatchObject({ title: post.title });
    // Another tab still holding the discarded copy cannot bring it back silently.
    await expect(updatePost({ actor: author, input: { postId: post.id, expectedVersion: saved.post.version, ...content("Stale tab", "Old.") } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().auditLog.findFirstOrThrow({ where: { targetId: post.id, action: "post.discardChanges" } })).actorId).toBe(author.id);
  });

  it("[AUTHOR] typing back to the live text leaves no unpublished changes", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const { post } = await publishedPost(author);
    const changed = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content(post.title, "A typo") } });
    expect(changed.hasWorkingCopy).toBe(true);
    const back = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: changed.post.version, ...content(post.title, post.body) } });
    expect(back).toMatchObject({ hasWorkingCopy: false, changed: true });
    expect(back.post.version).toBe(changed.post.version + 1);
    expect(await db().postWorkingCopy.findUnique({ where: { postId: post.id } })).toBeNull();
  });

  it("[AUTHOR] conflicts work on working copies: a save from a stale version is refused with the working copy's text", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const { post } = await publishedPost(author);
    await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Tab one", "One.") } });
    const error = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Tab two", "Two.") } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", details: { version: post.version + 1, title: "Tab one", body: "One.", savedBy: author.displayName } });
    expect((await db().postWorkingCopy.findUniqueOrThrow({ where: { postId: post.id } })).title).toBe("Tab one");
  });

  it("[AUTHOR] restoring a revision of a published post goes into the working copy, not to readers", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const { post } = await publishedPost(author);
    const first = await db().postRevision.findFirstOrThrow({ where: { postId: post.id, reason: "create" } });
    const saved = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Rewritten", "Rewritten text.") } });
    const restored = await restoreRevision.execute({ actor: author, input: { postId: post.id, revisionId: first.id, expectedVersion: saved.post.version } });
    expect(restored.effect).toEqual(NO_EFFECT);
    expect(await db().postWorkingCopy.findUniqueOrThrow({ where: { postId: post.id } })).toMatchObject({ title: first.title, body: first.body });
    expect(await publicText(post.slug)).toMatchObject({ title: post.title });
  });

  it("[AUTHOR] unpublishing keeps the unpublished changes as the draft's text; rescheduling takes them along", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const { post } = await publishedPost(author);
    const saved = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Changed before unpublishing", "Later text.") } });
    const draft = await unpublishPost({ actor: author, input: { postId: post.id, expectedVersion: saved.post.version } });
    expect(draft).toMatchObject({ status: "DRAFT", title: "Changed before unpublishing", body: "Later text." });
    expect(await db().postWorkingCopy.findUnique({ where: { postId: post.id } })).toBeNull();

    const scheduled = await createTestPost({ author, publish: new Date(Date.now() + 86_400_000) });
    const edit = await updatePost({ actor: author, input: { postId: scheduled.id, expectedVersion: scheduled.version, ...content("Scheduled, revised", "Revised.") } });
    expect((await db().post.findUniqueOrThrow({ where: { id: scheduled.id } })).title).toBe(scheduled.title);
    const when = new Date(Date.now() + 2 * 86_400_000);
    const rescheduled = await schedulePost({ actor: author, input: { postId: scheduled.id, publishAt: when, expectedVersion: edit.post.version } });
    expect(rescheduled).toMatchObject({ title: "Scheduled, revised", body: "Revised." });
    expect(rescheduled.publishedAt!.toISOString()).toBe(when.toISOString());
    expect(await db().postWorkingCopy.findUnique({ where: { postId: scheduled.id } })).toBeNull();
  });
});

describe("covers in working copies", () => {
  it("[AUTHOR] the cover's alt text, caption and credit reach the image only on 'Update'; someone else's image stays off limits", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const mine = await uploadImage({ actor: author, data: await makeImageBytes("png"), details: { altText: "Harbour", caption: "Old caption", credit: "Me" } });
    const theirs = await uploadImage({ actor: editor, data: await makeImageBytes("png"), details: { altText: "Desk photo" } });
    const { post } = await publishedPost(author, { coverMediaId: mine.id });
    const saved = await updatePost({
      actor: author,
      input: { postId: post.id, expectedVersion: post.version, ...content(post.title, post.body, { coverMediaId: mine.id, coverDetails: { altText: "Harbour", caption: "New caption", credit: "Me" } }) },
    });
    expect((await db().media.findUniqueOrThrow({ where: { id: mine.id } })).caption).toBe("Old caption");
    expect((await getPostForEdit({ actor: author, input: { postId: post.id } })).cover).toMatchObject({ caption: "New caption" });
    await expect(
      updatePost({ actor: author, input: { postId: post.id, expectedVersion: saved.post.version, ...content(post.title, post.body, { coverMediaId: theirs.id }) } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", fieldErrors: { coverMediaId: [expect.stringContaining("images you uploaded")] } });
    await updateLivePost({ actor: author, input: { postId: post.id, expectedVersion: saved.post.version } });
    expect((await db().media.findUniqueOrThrow({ where: { id: mine.id } })).caption).toBe("New caption");
  });
});

describe("an editor's quick edit of a published post", () => {
  it("[EDITOR] with unpublished changes pending, the quick edit goes into the working copy (what the editor was shown), not to readers", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const { post } = await publishedPost(author);
    const saved = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Author's revision", "Revised text.") } });
    const edited = await editorEditPost({ actor: editor, input: { postId: post.id, title: "Editor's revision", excerpt: "", body: "Revised text, edited.", expectedVersion: saved.post.version } });
    expect(edited.isPublic).toBe(false);
    expect(await db().postWorkingCopy.findUniqueOrThrow({ where: { postId: post.id } })).toMatchObject({ title: "Editor's revision", body: "Revised text, edited." });
    expect(await publicText(post.slug)).toMatchObject({ title: post.title });
    // Without a working copy it is a live edit, as before.
    const other = await createTestPost({ author, publish: true });
    const live = await editorEditPost({ actor: editor, input: { postId: other.id, title: "Corrected by the desk", excerpt: "", body: other.body, expectedVersion: other.version } });
    expect(live.isPublic).toBe(true);
    expect(await publicText(other.slug)).toMatchObject({ title: "Corrected by the desk" });
  });
});

describe("a contributor's changes to a live post", () => {
  it("[CONTRIBUTOR] submits changes for review; the queue shows them against the live text; readers see them only once approved", async () => {
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const created = await createTestPost({ author: contributor, input: { title: `Contributed ${uniqueId()}`, body: "The original report." } });
    await submitForReview({ actor: contributor, input: { postId: created.id } });
    const live = await approvePost({ actor: editor, input: { postId: created.id } });

    const saved = await updatePost({ actor: contributor, input: { postId: live.id, expectedVersion: live.version, ...content(live.title, "The corrected report.") } });
    // Contributors cannot make it live themselves.
    await expect(updateLivePost({ actor: contributor, input: { postId: live.id, expectedVersion: saved.post.version } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const submitted = await submitForReview({ actor: contributor, input: { postId: live.id } });
    expect(submitted.status).toBe("PUBLISHED");
    const queued = (await wholeReviewQueue(editor)).find((p) => p.id === live.id);
    expect(queued).toMatchObject({ body: "The corrected report.", live: { body: "The original report." }, version: submitted.version });
    expect(await publicText(live.slug)).toMatchObject({ body: "The original report." });

    // Sent back with a note: still not live, the note reaches the contributor.
    await requestChanges({ actor: editor, input: { postId: live.id, note: "Cite the source.", expectedVersion: submitted.version } });
    expect((await wholeReviewQueue(editor)).some((p) => p.id === live.id)).toBe(false);
    expect((await getPostForEdit({ actor: contributor, input: { postId: live.id } })).workingCopy).toMatchObject({ reviewNote: "Cite the source.", submittedAt: null });
    const edit = await getPostForEdit({ actor: contributor, input: { postId: live.id } });
    const revised = await updatePost({ actor: contributor, input: { postId: live.id, expectedVersion: edit.version, ...content(live.title, "The corrected report, with its source.") } });
    const resubmitted = await submitForReview({ actor: contributor, input: { postId: live.id } });
    expect(resubmitted.version).toBe(revised.post.version + 1);
    expect(await publicText(live.slug)).toMatchObject({ body: "The original report." });

    const approved = await approvePost({ actor: editor, input: { postId: live.id, expectedVersion: resubmitted.version } });
    expect(approved).toMatchObject({ status: "PUBLISHED", body: "The corrected report, with its source.", reviewedById: editor.id });
    expect(await publicText(live.slug)).toMatchObject({ body: "The corrected report, with its source." });
    expect(await db().postWorkingCopy.findUnique({ where: { postId: live.id } })).toBeNull();
    const actions = (await db().auditLog.findMany({ where: { targetId: live.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions.slice(-4)).toEqual(["post.requestChangesChanges", "post.submitChanges", "post.update", "post.approveChanges"]);
  });

  it("[CONTRIBUTOR] cannot submit a published post without changes", async () => {
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const created = await createTestPost({ author: contributor });
    await submitForReview({ actor: contributor, input: { postId: created.id } });
    await approvePost({ actor: editor, input: { postId: created.id } });
    await expect(submitForReview({ actor: contributor, input: { postId: created.id } })).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("the public cache on working-copy saves", () => {
  let listener: pg.Client;
  const notifications: string[] = [];

  beforeAll(async () => {
    listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    listener.on("notification", (n) => notifications.push(n.payload ?? ""));
    await listener.query("LISTEN broadsheet_cache_tags");
  });
  afterAll(async () => {
    await listener.end();
  });

  /** What lib/cache/revalidate.ts has written: the tag rows' stamps and the notifications heard. */
  async function revalidations() {
    // A round trip on the listening connection delivers any notification already sent.
    await listener.query("SELECT 1");
    const rows = await db().$queryRaw<{ stamp: bigint | null }[]>`SELECT max("revalidatedAtMs") AS stamp FROM "CacheTagRevalidation"`;
    return { notifications: notifications.length, stamp: String(rows[0]?.stamp ?? "none") };
  }

  it("[AUTHOR] autosaves of a published post through the editor's route expire nothing; 'Update' expires the public pages", async () => {
    const { POST: saveRoute } = await import("@/app/api/posts/[id]/route");
    const { updateLiveAction } = await import("@/app/dashboard/posts/actions");
    const author = await createTestUser({ role: "AUTHOR" });
    const { post } = await publishedPost(author);
    session.actor = author;
    try {
      const start = await revalidations();
      let version = post.version;
      for (const [i, reason] of (["autosave", "autosave", "save"] as const).entries()) {
        const response = await saveRoute(
          new Request(`http://localhost/api/posts/${post.id}`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ title: post.title, body: `Typing, pass ${i}`, expectedVersion: version, reason }),
          }),
          { params: Promise.resolve({ id: post.id }) },
        );
        const json = (await response.json()) as { ok: boolean; hasWorkingCopy: boolean; post: { version: number } };
        expect(json).toMatchObject({ ok: true, hasWorkingCopy: true });
        version = json.post.version;
      }
      expect(await revalidations()).toEqual(start);

      const updated = await updateLiveAction({ postId: post.id, expectedVersion: version });
      expect(updated).toMatchObject({ ok: true, data: { changed: true } });
      await expect.poll(async () => (await revalidations()).notifications).toBe(start.notifications + 1);
      expect((await revalidations()).stamp).not.toBe(start.stamp);
      expect(await publicText(post.slug)).toMatchObject({ body: "Typing, pass 2" });
    } finally {
      session.actor = null;
    }
  });
});
