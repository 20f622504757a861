import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/generated/prisma/enums";
import { createPost } from "@/lib/posts/create-post";
import { updatePost } from "@/lib/posts/update-post";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { publishPost } from "@/lib/posts/publish-post";
import { schedulePost } from "@/lib/posts/schedule-post";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { deletePost } from "@/lib/posts/delete-post";
import { restoreRevision } from "@/lib/posts/restore-revision";
import { updateLivePost } from "@/lib/posts/update-live-post";
import { discardWorkingCopy } from "@/lib/posts/discard-working-copy";
import { uploadImage } from "@/lib/media/upload-image";
import { asRole, createTestPost, createTestUser, makeImageBytes } from "@/tests/support/factories";

/**
 * Who may do what: every action × every role × own post / someone else's post,
 * against real PostgreSQL. "ok" means the change is stored; "denied" means an
 * AppError (FORBIDDEN, or NOT_FOUND for posts the actor may not even see) and
 * nothing changed.
 */
type Outcome = "ok" | "denied";
type Owner = "own" | "other";
type Fixture = { postId: string; version: number; revisionId: string; mediaId: string };

const ROLES: Role[] = ["READER", "CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN"];
const Y = "ok" as const;
const N = "denied" as const;

type Case = {
  action: string;
  /** The state of the post before the action. */
  setup: "draft" | "published" | "workingCopy" | "none";
  expected: Record<Owner, Record<Role, Outcome>> | { own: Record<Role, Outcome> };
  /** An image the case uses as a cover: uploaded by the actor, or by a third user (an author). */
  image?: "actor's" | "someone else's";
  run: (actor: Actor, post: Fixture) => Promise<unknown>;
  /** What the database holds after a successful run. */
  check: (post: Fixture) => Promise<void>;
};

const status = async (id: string) => (await db().post.findUnique({ where: { id } }))?.status;
const cover = async (id: string) => (await db().post.findUniqueOrThrow({ where: { id }, select: { coverMediaId: true } })).coverMediaId;
const caption = async (id: string) => (await db().media.findUniqueOrThrow({ where: { id } })).caption;

const CASES: Case[] = [
  {
    action: "create a post",
    setup: "none",
    expected: { own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y } },
    run: (actor) => createPost({ actor, input: { title: "Matrix create" } }),
    check: async () => undefined,
  },
  {
    action: "edit a draft",
    setup: "draft",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => updatePost({ actor, input: { postId: p.postId, expectedVersion: p.version, title: "Edited title", body: "Edited." } }),
    check: async (p) => expect((await db().post.findUniqueOrThrow({ where: { id: p.postId } })).title).toBe("Edited title"),
  },
  {
    action: "submit for review",
    setup: "draft",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: N, ADMIN: N },
    },
    run: (actor, p) => submitForReview({ actor, input: { postId: p.postId } }),
    check: async (p) => expect(await status(p.postId)).toBe("IN_REVIEW"),
  },
  {
    action: "publish",
    setup: "draft",
    expected: {
      own: { READER: N, CONTRIBUTOR: N, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => publishPost({ actor, input: { postId: p.postId, expectedVersion: p.version } }),
    check: async (p) => expect(await status(p.postId)).toBe("PUBLISHED"),
  },
  {
    action: "schedule",
    setup: "draft",
    expected: {
      own: { READER: N, CONTRIBUTOR: N, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => schedulePost({ actor, input: { postId: p.postId, publishAt: new Date(Date.now() + 86_400_000), expectedVersion: p.version } }),
    check: async (p) => {
      const row = await db().post.findUniqueOrThrow({ where: { id: p.postId } });
      expect(row.status).toBe("PUBLISHED");
      expect(row.publishedAt!.getTime()).toBeGreaterThan(Date.now());
    },
  },
  {
    action: "unpublish",
    setup: "published",
    expected: {
      own: { READER: N, CONTRIBUTOR: N, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => unpublishPost({ actor, input: { postId: p.postId, expectedVersion: p.version } }),
    check: async (p) => expect(await status(p.postId)).toBe("DRAFT"),
  },
  {
    // Contributors may change their live post, but only in its working copy (they submit it for review).
    action: "save changes to a published post (its working copy)",
    setup: "published",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => updatePost({ actor, input: { postId: p.postId, expectedVersion: p.version, title: "Updated live", body: "New text." } }),
    check: async (p) => {
      expect((await db().postWorkingCopy.findUniqueOrThrow({ where: { postId: p.postId } })).title).toBe("Updated live");
      expect((await db().post.findUniqueOrThrow({ where: { id: p.postId } })).title).toBe("Second title");
    },
  },
  {
    action: "update a published post (make its working copy live)",
    setup: "workingCopy",
    expected: {
      own: { READER: N, CONTRIBUTOR: N, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => updateLivePost({ actor, input: { postId: p.postId, expectedVersion: p.version } }),
    check: async (p) => {
      expect((await db().post.findUniqueOrThrow({ where: { id: p.postId } })).title).toBe("Working copy title");
      expect(await db().postWorkingCopy.findUnique({ where: { postId: p.postId } })).toBeNull();
    },
  },
  {
    action: "discard a published post's working copy",
    setup: "workingCopy",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => discardWorkingCopy({ actor, input: { postId: p.postId, expectedVersion: p.version } }),
    check: async (p) => {
      expect(await db().postWorkingCopy.findUnique({ where: { postId: p.postId } })).toBeNull();
      expect((await db().post.findUniqueOrThrow({ where: { id: p.postId } })).title).toBe("Second title");
    },
  },
  {
    action: "submit a published post's changes for review",
    setup: "workingCopy",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: N, ADMIN: N },
    },
    run: (actor, p) => submitForReview({ actor, input: { postId: p.postId } }),
    check: async (p) => {
      expect((await db().postWorkingCopy.findUniqueOrThrow({ where: { postId: p.postId } })).submittedAt).not.toBeNull();
      expect(await status(p.postId)).toBe("PUBLISHED");
    },
  },
  {
    action: "delete a draft",
    setup: "draft",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => deletePost({ actor, input: { postId: p.postId } }),
    check: async (p) => expect(await status(p.postId)).toBe("ARCHIVED"),
  },
  {
    action: "delete a published post",
    setup: "published",
    expected: {
      own: { READER: N, CONTRIBUTOR: N, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => deletePost({ actor, input: { postId: p.postId } }),
    check: async (p) => expect(await status(p.postId)).toBe("ARCHIVED"),
  },
  {
    action: "restore a revision",
    setup: "draft",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => restoreRevision({ actor, input: { postId: p.postId, revisionId: p.revisionId, expectedVersion: p.version } }),
    check: async (p) => expect((await db().post.findUniqueOrThrow({ where: { id: p.postId } })).title).toBe("Original title"),
  },
  {
    action: "use their own upload as the cover, with a caption",
    setup: "draft",
    image: "actor's",
    expected: {
      own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => updatePost({ actor, input: { postId: p.postId, expectedVersion: p.version, title: "With cover", coverMediaId: p.mediaId, coverDetails: { altText: "A block", caption: "Mine" } } }),
    check: async (p) => {
      expect(await cover(p.postId)).toBe(p.mediaId);
      expect(await caption(p.mediaId)).toBe("Mine");
    },
  },
  {
    action: "use someone else's image as the cover, unchanged",
    setup: "draft",
    image: "someone else's",
    expected: {
      own: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => updatePost({ actor, input: { postId: p.postId, expectedVersion: p.version, title: "With cover", coverMediaId: p.mediaId } }),
    check: async (p) => expect(await cover(p.postId)).toBe(p.mediaId),
  },
  {
    action: "change the caption of someone else's image",
    setup: "draft",
    image: "someone else's",
    expected: {
      own: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
      other: { READER: N, CONTRIBUTOR: N, AUTHOR: N, EDITOR: Y, ADMIN: Y },
    },
    run: (actor, p) => updatePost({ actor, input: { postId: p.postId, expectedVersion: p.version, title: "With cover", coverMediaId: p.mediaId, coverDetails: { altText: "A block", caption: "Rewritten" } } }),
    check: async (p) => {
      expect(await caption(p.mediaId)).toBe("Rewritten");
      expect(await db().auditLog.findFirst({ where: { targetType: "media", targetId: p.mediaId } })).toMatchObject({ action: "media.update", changes: { caption: { from: "", to: "Rewritten" } } });
    },
  },
  {
    action: "upload an image",
    setup: "none",
    expected: { own: { READER: N, CONTRIBUTOR: Y, AUTHOR: Y, EDITOR: Y, ADMIN: Y } },
    run: async (actor) => uploadImage({ actor, data: await makeImageBytes("png"), details: { altText: "A block" } }),
    check: async () => undefined,
  },
];

async function fixture(owner: Actor, setup: Case["setup"]): Promise<Fixture> {
  if (setup === "none") return { postId: "", version: 0, revisionId: "", mediaId: "" };
  const created = await createPost({ actor: owner, input: { title: "Original title", body: "First text." } });
  const revision = await db().postRevision.findFirstOrThrow({ where: { postId: created.id } });
  // A second save, so restoring the first revision is a real change.
  const saved = await updatePost({ actor: owner, input: { postId: created.id, expectedVersion: created.version, title: "Second title", body: "Second text." } });
  let version = saved.post.version;
  if (setup === "published" || setup === "workingCopy") version = (await publishPost({ actor: owner, input: { postId: created.id } })).version;
  if (setup === "workingCopy") {
    version = (await updatePost({ actor: owner, input: { postId: created.id, expectedVersion: version, title: "Working copy title", body: "Unpublished text." } })).post.version;
  }
  return { postId: created.id, version, revisionId: revision.id, mediaId: "" };
}

async function snapshot(postId: string) {
  if (!postId) return null;
  return db().post.findUnique({
    where: { id: postId },
    select: { title: true, status: true, version: true, publishedAt: true, workingCopy: { select: { title: true, submittedAt: true, updatedAt: true } } },
  });
}

describe("post permissions matrix", () => {
  for (const testCase of CASES) {
    for (const owner of Object.keys(testCase.expected) as Owner[]) {
      const row = (testCase.expected as Record<Owner, Record<Role, Outcome>>)[owner];
      for (const role of ROLES) {
        const outcome = row[role];
        const postWord = testCase.setup === "none" ? "" : owner === "own" ? " (own post)" : " (someone else's post)";
        it(`[${role}] ${outcome === "ok" ? "can" : "cannot"} ${testCase.action}${postWord}`, async () => {
          // The post's author is an AUTHOR; "own" runs as that same user with the role under test.
          const postAuthor = await createTestUser({ role: "AUTHOR" });
          const post = await fixture(postAuthor, testCase.setup);
          const actor = owner === "own" ? asRole(postAuthor, role) : await createTestUser({ role });
          if (testCase.image) {
            const uploader = testCase.image === "actor's" ? actor : await createTestUser({ role: "AUTHOR" });
            // profile.editOwn lets every role upload (a reader's avatar is their own image too).
            post.mediaId = (await uploadImage({ actor: uploader, data: await makeImageBytes("png"), details: { altText: "A block" }, permission: "profile.editOwn" })).id;
          }
          const before = await snapshot(post.postId);
          const mediaDetailsBefore = post.mediaId ? await db().media.findUnique({ where: { id: post.mediaId } }) : null;
          const mediaBefore = await db().media.count({ where: { uploaderId: actor.id } });
          if (outcome === "ok") {
            await testCase.run(actor, post);
            await testCase.check(post);
          } else {
            const error = await testCase.run(actor, post).then(() => null, (e: unknown) => e);
            expect(error).toBeInstanceOf(AppError);
            expect(["FORBIDDEN", "NOT_FOUND"]).toContain((error as AppError).code);
            expect(await snapshot(post.postId)).toEqual(before);
            expect(await db().media.count({ where: { uploaderId: actor.id } })).toBe(mediaBefore);
            if (post.mediaId) {
              expect(await db().media.findUnique({ where: { id: post.mediaId } })).toEqual(mediaDetailsBefore);
              expect(await cover(post.postId)).toBeNull();
            }
          }
        });
      }
    }
  }

  it("[CONTRIBUTOR] sees someone else's post as not found, never as forbidden", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author });
    const contributor = await createTestUser({ role: "CONTRIBUTOR" });
    await expect(updatePost({ actor: contributor, input: { postId: post.id, expectedVersion: post.version, title: "x" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("every transition writes its audit row", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author });
    const published = await publishPost({ actor: author, input: { postId: post.id } });
    await unpublishPost({ actor: author, input: { postId: post.id, expectedVersion: published.version } });
    await deletePost({ actor: author, input: { postId: post.id } });
    await deletePost({ actor: author, input: { postId: post.id } });
    const actions = (await db().auditLog.findMany({ where: { targetId: post.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["post.publish", "post.unpublish", "post.archive", "post.delete"]);
    expect(await db().post.findUnique({ where: { id: post.id } })).toBeNull();
  });
});
