import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createPost } from "@/lib/posts/create-post";
import { updatePost } from "@/lib/posts/update-post";
import { publishPost } from "@/lib/posts/publish-post";
import { schedulePost } from "@/lib/posts/schedule-post";
import { restoreRevision } from "@/lib/posts/restore-revision";
import { updateLivePost } from "@/lib/posts/update-live-post";
import { listRevisions, getRevision } from "@/lib/posts/list-revisions";
import { getPostForEdit } from "@/lib/posts/get-post-for-edit";
import { listMyPosts, myPostsFilter } from "@/lib/posts/list-my-posts";
import { uploadImage } from "@/lib/media/upload-image";
import { mediaStorage } from "@/lib/media/storage";
import { imageVariant } from "@/lib/media/images";
import { createTestPost, createTestUser, makeImageBytes, uniqueId } from "@/tests/support/factories";

const content = (title: string, body = "Text.") => ({ title, body });

describe("optimistic locking", () => {
  it("[AUTHOR] a save from a stale version is refused with the winning version, nothing overwritten", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: content("Two tabs") });
    const first = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Tab one", "One.") } });
    const error = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Tab two", "Two.") } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("CONFLICT");
    expect((error as AppError).details).toMatchObject({ version: first.post.version, title: "Tab one", body: "One.", savedBy: author.displayName });
    const row = await db().post.findUniqueOrThrow({ where: { id: post.id } });
    expect(row.title).toBe("Tab one");
    expect(row.version).toBe(first.post.version);
  });

  it("[AUTHOR] two simultaneous saves from the same version: exactly one wins", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: content("Race") });
    const results = await Promise.allSettled(
      ["A", "B", "C"].map((t) => updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content(`Race ${t}`) } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect((await db().post.findUniqueOrThrow({ where: { id: post.id } })).version).toBe(post.version + 1);
  });

  it("[AUTHOR] publishing from a stale version is a conflict", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: content("Stale publish") });
    await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Changed") } });
    await expect(publishPost({ actor: author, input: { postId: post.id, expectedVersion: post.version } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db().post.findUniqueOrThrow({ where: { id: post.id } })).status).toBe("DRAFT");
  });

  it("[AUTHOR] a save that changes nothing keeps the version and adds no revision", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createPost({ actor: author, input: content("Same", "Same text.") });
    const result = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, ...content("Same", "Same text.") } });
    expect(result.changed).toBe(false);
    expect(result.post.version).toBe(post.version);
    expect(await db().postRevision.count({ where: { postId: post.id } })).toBe(1);
  });
});

describe("slugs", () => {
  it("[AUTHOR] changing a published post's slug keeps a redirect from the old one once 'Update' makes it live", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, input: { slug: `old-${uniqueId()}` }, publish: true });
    const newSlug = `new-${uniqueId()}`;
    // Saving puts the new slug in the working copy: the old address stays the article's, with no redirect yet.
    const saved = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, title: post.title, body: post.body, slug: newSlug } });
    expect(saved.post.slug).toBe(newSlug);
    expect(saved.liveSlug).toBe(post.slug);
    expect(await db().slugRedirect.findUnique({ where: { fromSlug: post.slug } })).toBeNull();
    const result = await updateLivePost({ actor: author, input: { postId: post.id, expectedVersion: saved.post.version } });
    expect(result.previousSlug).toBe(post.slug);
    expect(await db().slugRedirect.findUnique({ where: { fromSlug: post.slug } })).toMatchObject({ postId: post.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { targetId: post.id, action: "post.update" } });
    expect(audit.changes).toMatchObject({ slug: { from: post.slug, to: newSlug } });
    // Going back to the old slug drops that redirect and keeps one from the newer slug.
    const back = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: result.post.version, title: post.title, body: post.body, slug: post.slug } });
    await updateLivePost({ actor: author, input: { postId: post.id, expectedVersion: back.post.version } });
    expect(await db().slugRedirect.findUnique({ where: { fromSlug: post.slug } })).toBeNull();
    expect(await db().slugRedirect.findUnique({ where: { fromSlug: newSlug } })).toMatchObject({ postId: post.id });
  });

  it("[AUTHOR] a slug another published post's unpublished changes want is refused too", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const first = await createTestPost({ author, publish: true });
    const second = await createTestPost({ author, publish: true });
    const wanted = `wanted-${uniqueId()}`;
    await updatePost({ actor: author, input: { postId: first.id, expectedVersion: first.version, title: first.title, body: first.body, slug: wanted } });
    await expect(updatePost({ actor: author, input: { postId: second.id, expectedVersion: second.version, title: second.title, body: second.body, slug: wanted } })).rejects.toMatchObject({
      code: "CONFLICT",
      fieldErrors: { slug: ["That slug is already used by another post."] },
    });
  });

  it("[AUTHOR] a draft's slug change keeps no redirect", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author });
    await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, title: post.title, slug: `draft-${uniqueId()}` } });
    expect(await db().slugRedirect.count({ where: { postId: post.id } })).toBe(0);
  });

  it("[AUTHOR] a slug used by another post, or redirecting to one, is refused next to the field", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const other = await createTestPost({ author, publish: true });
    const mine = await createTestPost({ author });
    const error = (await updatePost({ actor: author, input: { postId: mine.id, expectedVersion: mine.version, title: "Mine", slug: other.slug } }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors?.slug).toEqual(["That slug is already used by another post."]);
    const renamed = await updatePost({ actor: author, input: { postId: other.id, expectedVersion: other.version, title: other.title, body: other.body, slug: `renamed-${uniqueId()}` } });
    const live = await updateLivePost({ actor: author, input: { postId: other.id, expectedVersion: renamed.post.version } });
    expect(live.previousSlug).toBe(other.slug);
    await expect(createPost({ actor: author, input: { title: "Squatter", slug: other.slug } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("[AUTHOR] a new post without a slug gets one from its title, made unique", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const title = `Rain in Spain ${uniqueId()}`;
    const a = await createPost({ actor: author, input: { title } });
    const b = await createPost({ actor: author, input: { title } });
    expect(a.slug).toMatch(/^rain-in-spain-/);
    expect(b.slug).toBe(`${a.slug}-2`);
  });

  it("[AUTHOR] an empty title and a bad slug come back as field errors", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const error = (await createPost({ actor: author, input: { title: "  ", slug: "Not A Slug!" } }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?.title).toEqual(["Enter a title."]);
    expect(error.fieldErrors?.slug).toEqual(["Use lowercase letters, digits and single hyphens."]);
  });
});

describe("revisions", () => {
  it("[AUTHOR] every save keeps a revision with who saved; restoring one brings its text back as a new revision", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createPost({ actor: author, input: content("V1", "First.") });
    const v2 = await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, reason: "autosave", ...content("V2", "Second.") } });
    const v3 = await updatePost({ actor: editor, input: { postId: post.id, expectedVersion: v2.post.version, ...content("V3", "Third.") } });
    const revisions = await listRevisions({ actor: author, input: { postId: post.id } });
    expect(revisions.map((r) => [r.title, r.reason, r.savedBy])).toEqual([
      ["V3", "save", editor.displayName],
      ["V2", "autosave", author.displayName],
      ["V1", "create", author.displayName],
    ]);
    const first = revisions[2]!;
    expect((await getRevision({ actor: author, input: { postId: post.id, revisionId: first.id } })).body).toBe("First.");
    const restored = await restoreRevision({ actor: author, input: { postId: post.id, revisionId: first.id, expectedVersion: v3.post.version } });
    expect(restored.post).toMatchObject({ title: "V1", body: "First.", version: v3.post.version + 1 });
    const after = await listRevisions({ actor: author, input: { postId: post.id } });
    expect(after[0]).toMatchObject({ title: "V1", reason: "restore" });
    expect(await db().auditLog.count({ where: { targetId: post.id, action: "post.restoreRevision" } })).toBe(1);
  });

  it("[AUTHOR] cannot restore a revision of another post through their own post", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const other = await createTestUser({ role: "AUTHOR" });
    const theirs = await createTestPost({ author: other });
    const mine = await createTestPost({ author });
    const theirRevision = await db().postRevision.findFirstOrThrow({ where: { postId: theirs.id } });
    await expect(restoreRevision({ actor: author, input: { postId: mine.id, revisionId: theirRevision.id, expectedVersion: mine.version } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getRevision({ actor: author, input: { postId: mine.id, revisionId: theirRevision.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("tags, category and cover", () => {
  it("[AUTHOR] tags are picked by name or created; cover details are saved on the image", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const existing = await db().tag.create({ data: { name: `Existing ${uniqueId()}`, slug: `existing-${uniqueId()}` } });
    const fresh = `Brand new ${uniqueId()}`;
    const cover = await uploadImage({ actor: author, data: await makeImageBytes("jpeg", { width: 400, height: 300 }), details: { altText: "First alt" } });
    const post = await createPost({ actor: author, input: { title: "Tagged", tagNames: [existing.name.toUpperCase(), fresh], coverMediaId: cover.id } });
    const edit = await getPostForEdit({ actor: author, input: { postId: post.id } });
    expect(edit.tags.map((t) => t.name).sort()).toEqual([existing.name, fresh].sort());
    expect(edit.cover).toMatchObject({ id: cover.id, width: 400, height: 300, altText: "First alt" });
    await updatePost({
      actor: author,
      input: { postId: post.id, expectedVersion: post.version, title: "Tagged", tagNames: [fresh], coverMediaId: cover.id, coverDetails: { altText: "Better alt", caption: "A caption", credit: "Photographer" } },
    });
    const after = await getPostForEdit({ actor: author, input: { postId: post.id } });
    expect(after.tags.map((t) => t.name)).toEqual([fresh]);
    expect(after.cover).toMatchObject({ altText: "Better alt", caption: "A caption", credit: "Photographer" });
    expect(await db().auditLog.count({ where: { action: "tag.create", actorId: author.id } })).toBe(1);
  });

  it("[AUTHOR] an unknown category or cover id is a field error, not a server error", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    await expect(createPost({ actor: author, input: { title: "x", categoryId: "nope" } })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { categoryId: ["That category no longer exists."] } });
    await expect(createPost({ actor: author, input: { title: "x", coverMediaId: "nope" } })).rejects.toMatchObject({ code: "INVALID" });
  });
});

describe("uploads", () => {
  for (const format of ["jpeg", "png", "webp", "gif"] as const) {
    it(`[AUTHOR] a ${format.toUpperCase()} image is stored with its size and a Media row`, async () => {
      const author = await createTestUser({ role: "AUTHOR" });
      const image = await uploadImage({ actor: author, data: await makeImageBytes(format, { width: 120, height: 80 }), details: { altText: "Alt", caption: "Cap", credit: "Cred" } });
      expect(image.url).toMatch(new RegExp(`^/media/\\d{4}/\\d{2}/[a-f0-9]+-120x80\\.${format === "jpeg" ? "jpg" : format}$`));
      expect(await mediaStorage().get(image.storageKey)).not.toBeNull();
      expect(await db().media.findUniqueOrThrow({ where: { id: image.id } })).toMatchObject({ uploaderId: author.id, width: 120, height: 80, altText: "Alt", caption: "Cap", credit: "Cred" });
    });
  }

  it("[AUTHOR] an uploaded image is served resized (variants are cached under _variants/)", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const image = await uploadImage({ actor: author, data: await makeImageBytes("jpeg", { width: 1000, height: 500 }), details: { altText: "Wide" } });
    const sharp = (await import("sharp")).default;
    const variant = await imageVariant(image.storageKey, 320, "webp");
    expect(await sharp(variant!).metadata()).toMatchObject({ format: "webp", width: 320, height: 160 });
    expect(await mediaStorage().get(`_variants/${image.storageKey}.320.webp`)).not.toBeNull();
  });

  it("[AUTHOR] a file that is not an image is refused whatever its name, with a field error", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const fake = Buffer.concat([Buffer.from("GIF89a"), Buffer.from("<script>alert(1)</script>")]);
    for (const data of [fake, Buffer.from("%PDF-1.4 not an image")]) {
      const error = (await uploadImage({ actor: author, data, details: {} }).catch((e: unknown) => e)) as AppError;
      expect(error.code).toBe("INVALID");
      expect(error.fieldErrors?.file).toEqual(["That file is not a JPEG, PNG, WebP or GIF image."]);
    }
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    await expect(uploadImage({ actor: author, data: svg, details: {} })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db().media.count({ where: { uploaderId: author.id } })).toBe(0);
  });

  it("[AUTHOR] an image over MAX_UPLOAD_MB is refused as too large", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const sharp = (await import("sharp")).default;
    // Random noise compresses badly: a real PNG of about 12 MB (the default limit is 10 MB).
    const noise = Buffer.alloc(2000 * 2000 * 3);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
    const big = await sharp(noise, { raw: { width: 2000, height: 2000, channels: 3 } }).png({ compressionLevel: 0 }).toBuffer();
    expect(big.length).toBeGreaterThan(10 * 1024 * 1024);
    const error = (await uploadImage({ actor: author, data: big, details: {} }).catch((e: unknown) => e)) as AppError;
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?.file?.[0]).toMatch(/too large .* the limit is 10 MB/);
  });
});

describe("My Posts", () => {
  it("[AUTHOR] lists only their own posts, filtered by status and title, newest first", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const other = await createTestUser({ role: "AUTHOR" });
    const marker = uniqueId("m");
    await createTestPost({ author: other, input: { title: `Theirs ${marker}` } });
    const draft = await createTestPost({ author, input: { title: `Draft ${marker}` } });
    const live = await createTestPost({ author, input: { title: `Live ${marker}` }, publish: true });
    const scheduled = await schedulePost({ actor: author, input: { postId: (await createTestPost({ author, input: { title: `Later ${marker}` } })).id, publishAt: new Date(Date.now() + 3_600_000) } });
    const all = await listMyPosts(author, myPostsFilter.parse({}));
    expect(all.posts.map((p) => p.id)).toEqual([scheduled.id, live.id, draft.id]);
    expect((await listMyPosts(author, myPostsFilter.parse({ status: "SCHEDULED" }))).posts.map((p) => p.id)).toEqual([scheduled.id]);
    expect((await listMyPosts(author, myPostsFilter.parse({ status: "PUBLISHED" }))).posts.map((p) => p.id)).toEqual([live.id]);
    expect((await listMyPosts(author, myPostsFilter.parse({ q: "draft" }))).posts.map((p) => p.id)).toEqual([draft.id]);
  });

  it("[AUTHOR] a scheduled date in the past is refused next to the field", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author });
    await expect(schedulePost({ actor: author, input: { postId: post.id, publishAt: new Date(Date.now() - 60_000) } })).rejects.toMatchObject({ code: "INVALID", fieldErrors: { publishAt: expect.any(Array) } });
  });
});
