import type { PostStatus, Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/**
 * The one authorization table. Every page, server action and route handler
 * asks `can`/`assertCan` (coarse: may this role do this at all?) and, for a
 * specific post, `canOnPost` (adds ownership and the post's state). See
 * lib/authz/README.md for the invariants.
 */

export const ACTIONS = [
  "dashboard.access", // reach /dashboard (My Posts)
  "post.create",
  "post.editOwn", // edit own posts; contributors: drafts, and changes to their live posts that go through review
  "post.submitForReview",
  "post.publishOwn", // publish, schedule, unpublish own posts; "Update" their live version
  "post.editAny",
  "post.publishAny",
  "post.deleteOwn",
  "post.deleteAny",
  "post.previewAny",
  "post.feature",
  "post.hide",
  "review.access",
  "media.upload",
  "comment.create",
  "comment.report",
  "comment.moderate",
  "post.report",
  "taxonomy.manage",
  "user.manage",
  "user.changeRole",
  "user.suspend",
  "audit.read",
  "settings.manage",
  "profile.editOwn",
] as const;

export type Action = (typeof ACTIONS)[number];

const READER = ["comment.create", "comment.report", "post.report", "profile.editOwn"] as const satisfies readonly Action[];
const CONTRIBUTOR = [...READER, "dashboard.access", "post.create", "post.editOwn", "post.submitForReview", "post.deleteOwn", "media.upload"] as const satisfies readonly Action[];
const AUTHOR = [...CONTRIBUTOR, "post.publishOwn"] as const satisfies readonly Action[];
const EDITOR = [
  ...AUTHOR,
  "post.editAny",
  "post.publishAny",
  "post.deleteAny",
  "post.previewAny",
  "post.feature",
  "post.hide",
  "review.access",
  "comment.moderate",
  "taxonomy.manage",
] as const satisfies readonly Action[];
const ADMIN = [...EDITOR, "user.manage", "user.changeRole", "user.suspend", "audit.read", "settings.manage"] as const satisfies readonly Action[];

export const ROLE_PERMISSIONS = {
  READER,
  CONTRIBUTOR,
  AUTHOR,
  EDITOR,
  ADMIN,
} as const satisfies Record<Role, readonly Action[]>;

export const ROLE_LABELS = {
  READER: "Reader",
  CONTRIBUTOR: "Contributor",
  AUTHOR: "Author",
  EDITOR: "Editor",
  ADMIN: "Admin",
} as const satisfies Record<Role, string>;

export const ROLES = Object.keys(ROLE_PERMISSIONS) as Role[];

export type Actor = { id: string; role: Role; username: string; displayName: string };

const sets = Object.fromEntries(
  Object.entries(ROLE_PERMISSIONS).map(([role, actions]) => [role, new Set<Action>(actions)]),
) as Record<Role, Set<Action>>;

export function can(actor: Actor | null | undefined, action: Action): boolean {
  return !!actor && sets[actor.role].has(action);
}

export function assertCan(actor: Actor | null | undefined, action: Action): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  if (!can(actor, action)) throw new AppError("FORBIDDEN", "You don't have permission to do that.");
}

export type PostForAuthz = { authorId: string; status: PostStatus };

/**
 * What an actor may do with one post. On a published (or scheduled) post,
 * "edit" writes its working copy (readers keep the live version), "update"
 * promotes the working copy to live and "discard" drops it.
 */
export type PostAction = "view" | "edit" | "submit" | "publish" | "unpublish" | "update" | "discard" | "delete";
export const POST_ACTIONS = ["view", "edit", "submit", "publish", "unpublish", "update", "discard", "delete"] as const satisfies readonly PostAction[];

export function canOnPost(actor: Actor | null | undefined, action: PostAction, post: PostForAuthz): boolean {
  if (!actor) return false;
  const own = post.authorId === actor.id;
  switch (action) {
    case "view":
      return own ? can(actor, "dashboard.access") : can(actor, "post.previewAny");
    case "edit":
    case "discard":
      if (!own) return can(actor, "post.editAny");
      if (!can(actor, "post.editOwn")) return false;
      // Contributors edit drafts, and the working copy of their published posts (submitted for review, never live on their own);
      // an archived post is not theirs to change.
      return can(actor, "post.publishOwn") || post.status !== "ARCHIVED";
    case "submit":
      // A draft, or a published post's changes (the use case checks there are some).
      return own && can(actor, "post.submitForReview") && (post.status === "DRAFT" || post.status === "REJECTED" || post.status === "PUBLISHED");
    case "publish":
    case "unpublish":
    case "update":
      return own ? can(actor, "post.publishOwn") : can(actor, "post.publishAny");
    case "delete":
      if (!own) return can(actor, "post.deleteAny");
      return can(actor, "post.deleteOwn") && (can(actor, "post.publishOwn") || post.status !== "PUBLISHED");
  }
}

export function assertCanOnPost(actor: Actor | null | undefined, action: PostAction, post: PostForAuthz): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED", "Please sign in to continue.");
  // Someone else's post is "not found" unless the actor may see it: no probing for ids.
  if (post.authorId !== actor.id && !can(actor, "post.previewAny")) throw new AppError("NOT_FOUND", "That post does not exist.");
  if (!canOnPost(actor, action, post)) throw new AppError("FORBIDDEN", "You don't have permission to do that.");
}
