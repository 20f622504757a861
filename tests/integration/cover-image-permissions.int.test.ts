import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/permissions";
import { createPost } from "@/lib/posts/create-post";
import { updatePost } from "@/lib/posts/update-post";
import { updateLivePost } from "@/lib/posts/update-live-post";
import { publicPostBySlug } from "@/lib/posts/public-posts";
import { uploadImage } from "@/lib/media/upload-image";
import { auditTargetLabels } from "@/lib/audit/list-audit-entries";
import { createTestPost, createTestUser, makeImageBytes } from "@/tests/support/factories";

/**
 * A cover image is a Media row shared by every post that uses it: attaching one
 * and changing its alt text, caption or credit are rules of their own (see
 * canOnMedia in lib/authz/permissions.ts), not side effects of editing a post.
 */

const details = { altText: "Harbour at dawn", caption: "The harbour at dawn.", credit: "Photo: B" };

async function upload(actor: Actor) {
  return uploadImage({ actor, data: await makeImageBytes("png"), details });
}

async function mediaDetails(id: string) {
  return db().media.findUniqueOrThrow({ where: { id }, select: { altText: true, caption: true, credit: true } });
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Author B's published article with B's own cover image. */
async function publishedArticleWithCover() {
  const authorB = await createTestUser({ role: "AUTHOR" });
  const image = await upload(authorB);
  const article = await createTestPost({ author: authorB, input: { coverMediaId: image.id, coverDetails: details }, publish: true });
  return { authorB, image, article };
}

describe("cover images: who may attach one and change its details", () => {
  for (const role of ["AUTHOR", "CONTRIBUTOR"] as const) {
    it(`[${role}] cannot rewrite the caption of another author's image on a published article through their own post`, async () => {
      const { image, article } = await publishedArticleWithCover();
      const authorA = await createTestUser({ role });
      const own = await createTestPost({ author: authorA });
      const error = await errorOf(
        updatePost({ actor: authorA, input: { postId: own.id, expectedVersion: own.version, title: own.title, coverMediaId: image.id, coverDetails: { ...details, caption: "x" } } }),
      );
      expect(error.code).toBe("FORBIDDEN");
      expect(await mediaDetails(image.id)).toEqual(details);
      expect((await publicPostBySlug(article.slug))?.coverMedia?.caption).toBe(details.caption);
      expect((await db().post.findUniqueOrThrow({ where: { id: own.id } })).coverMediaId).toBeNull();
    });

    it(`[${role}] cannot attach another author's image as a cover, even unchanged`, async () => {
      const { image } = await publishedArticleWithCover();
      const authorA = await createTestUser({ role });
      const own = await createTestPost({ author: authorA });
      const onSave = await errorOf(updatePost({ actor: authorA, input: { postId: own.id, expectedVersion: own.version, title: own.title, coverMediaId: image.id } }));
      expect(onSave.code).toBe("FORBIDDEN");
      expect(onSave.fieldErrors?.coverMediaId).toBeDefined();
      const postsBefore = await db().post.count({ where: { authorId: authorA.id } });
      const onCreate = await errorOf(createPost({ actor: authorA, input: { title: "Borrowed cover", coverMediaId: image.id, coverDetails: { ...details, caption: "x" } } }));
      expect(onCreate.code).toBe("FORBIDDEN");
      expect(await db().post.count({ where: { authorId: authorA.id } })).toBe(postsBefore);
      expect(await mediaDetails(image.id)).toEqual(details);
    });
  }

  it("[AUTHOR] attaches and describes their own upload, without an audit row", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const image = await upload(author);
    const post = await createPost({ actor: author, input: { title: "Own cover", coverMediaId: image.id, coverDetails: { ...details, credit: "Photo: me" } } });
    expect(await mediaDetails(image.id)).toEqual({ ...details, credit: "Photo: me" });
    await updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, title: post.title, coverMediaId: image.id, coverDetails: { ...details, caption: "Later caption" } } });
    expect((await mediaDetails(image.id)).caption).toBe("Later caption");
    expect(await db().auditLog.count({ where: { targetType: "media", targetId: image.id } })).toBe(0);
  });

  it("[AUTHOR] keeps a cover an editor put on their post, but cannot change its details", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createTestPost({ author });
    const editorsImage = await upload(editor);
    const withCover = await updatePost({ actor: editor, input: { postId: post.id, expectedVersion: post.version, title: post.title, coverMediaId: editorsImage.id, coverDetails: details } });
    // The editor sends the cover's details unchanged on every save: that is not a change.
    const kept = await updatePost({
      actor: author,
      input: { postId: post.id, expectedVersion: withCover.post.version, title: "Author's new title", coverMediaId: editorsImage.id, coverDetails: details },
    });
    expect(kept.changed).toBe(true);
    const error = await errorOf(
      updatePost({ actor: author, input: { postId: post.id, expectedVersion: kept.post.version, title: "Again", coverMediaId: editorsImage.id, coverDetails: { ...details, credit: "Photo: me" } } }),
    );
    expect(error.code).toBe("FORBIDDEN");
    expect(await mediaDetails(editorsImage.id)).toEqual(details);
    expect((await db().post.findUniqueOrThrow({ where: { id: post.id } })).title).toBe("Author's new title");
  });

  for (const role of ["EDITOR", "ADMIN"] as const) {
    it(`[${role}] changes the details of an author's image, audited as media.update with before → after`, async () => {
      const { image, article } = await publishedArticleWithCover();
      const editor = await createTestUser({ role });
      const saved = await updatePost({
        actor: editor,
        input: { postId: article.id, expectedVersion: article.version, title: article.title, coverMediaId: image.id, coverDetails: { ...details, caption: "Corrected caption." } },
      });
      expect(saved.changed).toBe(true);
      // A published article's edit is its working copy: the image changes when the editor updates the live version.
      expect((await publicPostBySlug(article.slug))?.coverMedia?.caption).toBe(details.caption);
      await updateLivePost({ actor: editor, input: { postId: article.id, expectedVersion: saved.post.version } });
      expect((await publicPostBySlug(article.slug))?.coverMedia?.caption).toBe("Corrected caption.");
      const audit = await db().auditLog.findMany({ where: { targetType: "media", targetId: image.id } });
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actorId: editor.id, action: "media.update", changes: { caption: { from: details.caption, to: "Corrected caption." } } });
      // The audit log names the image, not "(deleted)".
      expect((await auditTargetLabels([{ targetType: "media", targetId: image.id }])).get(`media:${image.id}`)).toContain(details.altText);
    });

    it(`[${role}] may use an author's image as the cover of another post`, async () => {
      const { image } = await publishedArticleWithCover();
      const editor = await createTestUser({ role });
      const post = await createPost({ actor: editor, input: { title: "Reused cover", coverMediaId: image.id, coverDetails: details } });
      expect(post.coverMediaId).toBe(image.id);
      expect(await db().auditLog.count({ where: { targetType: "media", targetId: image.id } })).toBe(0);
    });
  }

  it("an unknown cover id is the user's mistake (INVALID), not a server error", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author });
    const error = await errorOf(updatePost({ actor: author, input: { postId: post.id, expectedVersion: post.version, title: post.title, coverMediaId: "no-such-image", coverDetails: details } }));
    expect(error.code).toBe("INVALID");
  });
});
