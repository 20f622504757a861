import { describe, expect, it } from "vitest";
import { ACTIONS, ROLE_PERMISSIONS, ROLES, can, canOnMedia, canOnPost, isPublishableFrom, type Action, type Actor } from "@/lib/authz/permissions";
import type { PostStatus, Role } from "@/generated/prisma/enums";

const actor = (role: Role, id = "me"): Actor => ({ id, role, username: "u", displayName: "U" });

// The whole table, spelled out once more by hand: a change to the rules must change this test too.
const EXPECTED: Record<Role, Action[]> = {
  READER: ["comment.create", "comment.report", "post.report", "profile.editOwn"],
  CONTRIBUTOR: ["comment.create", "comment.report", "post.report", "profile.editOwn", "dashboard.access", "post.create", "post.editOwn", "post.submitForReview", "post.deleteOwn", "media.upload"],
  AUTHOR: ["comment.create", "comment.report", "post.report", "profile.editOwn", "dashboard.access", "post.create", "post.editOwn", "post.submitForReview", "post.deleteOwn", "media.upload", "post.publishOwn"],
  EDITOR: [
    "comment.create", "comment.report", "post.report", "profile.editOwn", "dashboard.access", "post.create", "post.editOwn", "post.submitForReview", "post.deleteOwn", "media.upload", "post.publishOwn",
    "post.editAny", "post.publishAny", "post.deleteAny", "post.previewAny", "post.feature", "post.hide", "review.access", "comment.moderate", "taxonomy.manage",
    "media.useAny", "media.editAnyDetails",
  ],
  ADMIN: [
    "comment.create", "comment.report", "post.report", "profile.editOwn", "dashboard.access", "post.create", "post.editOwn", "post.submitForReview", "post.deleteOwn", "media.upload", "post.publishOwn",
    "post.editAny", "post.publishAny", "post.deleteAny", "post.previewAny", "post.feature", "post.hide", "review.access", "comment.moderate", "taxonomy.manage",
    "media.useAny", "media.editAnyDetails",
    "user.manage", "user.changeRole", "user.suspend", "user.invite", "mail.read", "audit.read", "settings.manage", "site.export", "site.import",
  ],
};

describe("the role → action table", () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`[${role}] ${allowed ? "may" : "may not"} ${action}`, () => {
        expect(can(actor(role), action)).toBe(allowed);
      });
    }
  }
  it("anonymous visitors may do nothing", () => {
    for (const action of ACTIONS) expect(can(null, action)).toBe(false);
  });
  it("every role is in the table", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual(["ADMIN", "AUTHOR", "CONTRIBUTOR", "EDITOR", "READER"]);
  });
});

describe("rules on one post", () => {
  const statuses: PostStatus[] = ["DRAFT", "IN_REVIEW", "PUBLISHED", "REJECTED", "ARCHIVED"];
  it("[CONTRIBUTOR] cannot publish, nor make changes to their published post live; they submit them for review", () => {
    const c = actor("CONTRIBUTOR");
    expect(canOnPost(c, "publish", { authorId: "me", status: "DRAFT" })).toBe(false);
    // "edit" of a published post writes its working copy; "update" would make it live.
    expect(canOnPost(c, "edit", { authorId: "me", status: "PUBLISHED" })).toBe(true);
    expect(canOnPost(c, "update", { authorId: "me", status: "PUBLISHED" })).toBe(false);
    expect(canOnPost(c, "discard", { authorId: "me", status: "PUBLISHED" })).toBe(true);
    expect(canOnPost(c, "submit", { authorId: "me", status: "PUBLISHED" })).toBe(true);
    expect(canOnPost(c, "edit", { authorId: "me", status: "ARCHIVED" })).toBe(false);
    expect(canOnPost(c, "edit", { authorId: "me", status: "DRAFT" })).toBe(true);
    expect(canOnPost(c, "submit", { authorId: "me", status: "DRAFT" })).toBe(true);
  });
  it("[AUTHOR] edits and publishes only their own posts", () => {
    const a = actor("AUTHOR");
    for (const status of statuses) {
      expect(canOnPost(a, "edit", { authorId: "me", status })).toBe(true);
      expect(canOnPost(a, "edit", { authorId: "other", status })).toBe(false);
      expect(canOnPost(a, "publish", { authorId: "other", status })).toBe(false);
    }
  });
  it("[EDITOR] edits and publishes anyone's posts", () => {
    const e = actor("EDITOR");
    for (const status of statuses) {
      expect(canOnPost(e, "edit", { authorId: "other", status })).toBe(true);
      expect(canOnPost(e, "publish", { authorId: "other", status })).toBe(true);
    }
  });
  it("[READER] can do nothing with posts", () => {
    for (const action of ["view", "edit", "submit", "publish", "unpublish", "delete"] as const) {
      expect(canOnPost(actor("READER"), action, { authorId: "me", status: "DRAFT" })).toBe(false);
    }
  });
});

describe("rules on one image", () => {
  const roles: Role[] = ["READER", "CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN"];
  for (const role of roles) {
    const editorial = role === "EDITOR" || role === "ADMIN";
    const uploads = role !== "READER";
    it(`[${role}] ${uploads ? "may" : "may not"} use and describe own uploads; ${editorial ? "may" : "may not"} use or describe anyone else's`, () => {
      const a = actor(role);
      for (const action of ["use", "editDetails"] as const) {
        expect(canOnMedia(a, action, { uploaderId: "me" })).toBe(uploads);
        expect(canOnMedia(a, action, { uploaderId: "other" })).toBe(editorial);
        // An image whose uploader was deleted belongs to nobody.
        expect(canOnMedia(a, action, { uploaderId: null })).toBe(editorial);
      }
    });
  }
  it("anonymous visitors may do nothing with images", () => {
    expect(canOnMedia(null, "use", { uploaderId: "me" })).toBe(false);
    expect(canOnMedia(null, "editDetails", { uploaderId: null })).toBe(false);
  });
});

describe("states a post may be published or scheduled from", () => {
  const now = new Date("2026-11-26T12:00:00Z");
  const past = new Date("2026-11-01T00:00:00Z");
  const future = new Date("2026-12-01T00:00:00Z");
  it.each([
    ["a draft: allowed", { status: "DRAFT", publishedAt: null }, true],
    ["a post in review: allowed", { status: "IN_REVIEW", publishedAt: null }, true],
    ["a rejected post: allowed", { status: "REJECTED", publishedAt: null }, true],
    ["a scheduled post: allowed (publish now or reschedule)", { status: "PUBLISHED", publishedAt: future }, true],
    ["a live post: refused (it would move its publish date)", { status: "PUBLISHED", publishedAt: past }, false],
    ["an archived post: refused (restore it first)", { status: "ARCHIVED", publishedAt: past }, false],
    ["an archived post that never went live: refused", { status: "ARCHIVED", publishedAt: null }, false],
  ] as const)("from %s", (_name, post, allowed) => {
    expect(isPublishableFrom(post, now)).toBe(allowed);
  });
});
