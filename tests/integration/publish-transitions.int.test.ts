import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishPost } from "@/lib/posts/publish-post";
import { schedulePost } from "@/lib/posts/schedule-post";
import { archivePost } from "@/lib/posts/editorial/archive-post";
import { restoreArchivedPost } from "@/lib/posts/restore-archived-post";
import { createTestPost, createTestUser } from "@/tests/support/factories";

/**
 * Which states a post may be published or scheduled from (PUBLISHABLE_FROM in
 * lib/authz/permissions.ts): never from the archive, never again once live.
 */

const DAY = 86_400_000;

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const row = (id: string) => db().post.findUniqueOrThrow({ where: { id } });
const auditActions = async (id: string) => (await db().auditLog.findMany({ where: { targetId: id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);

/** A live post of an author that an editor then archived. */
async function editorArchivedPost() {
  const author = await createTestUser({ role: "AUTHOR" });
  const editor = await createTestUser({ role: "EDITOR" });
  const post = await createTestPost({ author, publish: true });
  const archived = await archivePost({ actor: editor, input: { postId: post.id } });
  return { author, editor, post: archived };
}

describe("publish and schedule: allowed source states", () => {
  it("[AUTHOR] cannot publish their post an editor archived; it stays archived", async () => {
    const { author, post } = await editorArchivedPost();
    const error = await errorOf(publishPost({ actor: author, input: { postId: post.id, expectedVersion: post.version } }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Restore it/);
    const stored = await row(post.id);
    expect(stored.status).toBe("ARCHIVED");
    expect(stored.version).toBe(post.version);
    expect(await auditActions(post.id)).toEqual(["post.publish", "post.archive"]);
  });

  it("[AUTHOR] cannot schedule an archived post", async () => {
    const { author, post } = await editorArchivedPost();
    const error = await errorOf(schedulePost({ actor: author, input: { postId: post.id, publishAt: new Date(Date.now() + DAY), expectedVersion: post.version } }));
    expect(error.code).toBe("CONFLICT");
    expect((await row(post.id)).status).toBe("ARCHIVED");
  });

  it("[EDITOR] restores an archived post before publishing it, too", async () => {
    const { editor, post } = await editorArchivedPost();
    expect((await errorOf(publishPost({ actor: editor, input: { postId: post.id } }))).code).toBe("CONFLICT");
    expect((await row(post.id)).status).toBe("ARCHIVED");
    const restored = await restoreArchivedPost({ actor: editor, input: { postId: post.id } });
    const published = await publishPost({ actor: editor, input: { postId: post.id, expectedVersion: restored.version } });
    expect(published.status).toBe("PUBLISHED");
  });

  it("[AUTHOR] publishes an archived post of their own once they restored it", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author });
    const archived = await archivePost({ actor: author, input: { postId: post.id } });
    expect((await errorOf(publishPost({ actor: author, input: { postId: post.id, expectedVersion: archived.version } }))).code).toBe("CONFLICT");
    const restored = await restoreArchivedPost({ actor: author, input: { postId: post.id } });
    expect((await publishPost({ actor: author, input: { postId: post.id, expectedVersion: restored.version } })).status).toBe("PUBLISHED");
  });

  it("[AUTHOR] re-publishing a live post is refused and keeps its publishedAt (no bump to the top of the home page)", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, publish: true });
    const error = await errorOf(publishPost({ actor: author, input: { postId: post.id, expectedVersion: post.version } }));
    expect(error.code).toBe("CONFLICT");
    const stored = await row(post.id);
    expect(stored.publishedAt).toEqual(post.publishedAt);
    expect(stored.version).toBe(post.version);
  });

  it("[EDITOR] re-publishing someone's live post keeps its publishedAt too", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const editor = await createTestUser({ role: "EDITOR" });
    const post = await createTestPost({ author, publish: true });
    expect((await errorOf(publishPost({ actor: editor, input: { postId: post.id } }))).code).toBe("CONFLICT");
    expect((await row(post.id)).publishedAt).toEqual(post.publishedAt);
  });

  it("[AUTHOR] cannot schedule a live post (unpublish it first); its publishedAt stays", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author, publish: true });
    const error = await errorOf(schedulePost({ actor: author, input: { postId: post.id, publishAt: new Date(Date.now() + DAY), expectedVersion: post.version } }));
    expect(error.code).toBe("CONFLICT");
    expect((await row(post.id)).publishedAt).toEqual(post.publishedAt);
  });

  it("[AUTHOR] a scheduled post can still be published now or rescheduled", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const scheduled = await createTestPost({ author, publish: new Date(Date.now() + DAY) });
    const later = new Date(Date.now() + 2 * DAY);
    const rescheduled = await schedulePost({ actor: author, input: { postId: scheduled.id, publishAt: later, expectedVersion: scheduled.version } });
    expect(rescheduled.publishedAt).toEqual(later);
    const now = await publishPost({ actor: author, input: { postId: scheduled.id, expectedVersion: rescheduled.version } });
    expect(now.publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(now.status).toBe("PUBLISHED");
  });
});
