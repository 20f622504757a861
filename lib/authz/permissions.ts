import type { PostStatus, Role } from "@/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import { displayStatus, type DisplayStatus } from "@/lib/posts/display-status";

/**
 * The one authorization table. Every page, server action and route handler
 * asks `can`/`assertCan` (coarse: may this role do this at all?) and, for a
 * specific post, `canOnPost` (adds ownership and the post's state), for one
 * image `canOnMedia` (adds who uploaded it), and `PUBLISHABLE_FROM` says which
 * states a post may be published or scheduled from. See lib/authz/README.md
 * for the invariants.
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
  "media.upload", // upload images; use and describe (alt, caption, credit) one's own uploads
  "media.useAny", // attach an image someone else uploaded (as a post's cover)
  "media.editAnyDetails", // change alt text, caption and credit of someone else's image (audited)
  "comment.create",
  "comment.report",
  "comment.moderate",
  "post.report",
  "taxonomy.manage",
  "user.manage",
  "user.changeRole",
  "user.suspend",
  "user.invite", // invite someone by email with a role (lib/users/invite-user.ts)
  "mail.read", // the outbox at /admin/mail: every message, its status and failures (content without SMTP_URL)
  "audit.read",
  "settings.manage",
  "site.export", // download the whole site as one archive (lib/export): every account's email, every draft
  "site.import", // import a WordPress or Ghost export (/admin/import, npm run import) and see the redirects it made
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
  "media.useAny",
  "media.editAnyDetails",
] as const satisfies readonly Action[];
const ADMIN = [...EDITOR, "user.manage", "user.changeRole", "user.suspend", "user.invite", "mail.read", "audit.read", "settings.manage", "site.export", "site.import"] as const satisfies readonly Action[];

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

/** Every role, in order of growing rights: the one list (role inputs parse with lib/users/roles.ts's roleSchema over it). */
export const ROLES = Object.keys(ROLE_PERMISSIONS) as [Role, ...Role[]];

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

/**
 * Which states a post may be published or scheduled from: publishPost,
 * schedulePost and approvePost all pass through here. A live post is not
 * published again (that would move its publishedAt and bump it to the top of
 * the home page; "Update" saves its content instead). An archived post is first
 * restored to a draft (restore-archived-post.ts), by its author and by editors
 * alike: archiving was a decision, undoing it is its own audited step.
 * A scheduled post may be published now or rescheduled.
 */
export const PUBLISHABLE_FROM = ["DRAFT", "IN_REVIEW", "REJECTED", "SCHEDULED"] as const satisfies readonly DisplayStatus[];

/** Whether the post's state allows publishing or scheduling it (who may do so is canOnPost's "publish"). */
export function isPublishableFrom(post: { status: PostStatus; publishedAt: Date | null }, now = new Date()): boolean {
  return (PUBLISHABLE_FROM as readonly DisplayStatus[]).includes(displayStatus(post, now));
}

export function assertPublishableFrom(post: { status: PostStatus; publishedAt: Date | null }, now = new Date()): void {
  if (isPublishableFrom(post, now)) return;
  if (post.status === "ARCHIVED") throw new AppError("CONFLICT", "This post is archived. Restore it from the archive before publishing it.");
  throw new AppError("CONFLICT", "This post is already published. Use “Update” to change it, or unpublish it first.");
}

export type MediaForAuthz = { uploaderId: string | null };

/**
 * What an actor may do with one image. Its uploader may attach it and change
 * its details; editors and admins may do both with anyone's image (a change to
 * someone else's details is audited as media.update). Authors and contributors
 * may not attach someone else's image, not even unchanged: choosing another
 * person's photo (its rights, its credit, perhaps an unpublished story's
 * picture) is an editorial decision, and media ids must not be a way to reach
 * other people's uploads. A cover someone else already put on their post (an
 * editor's) stays, but they cannot change its details (attachCoverImage in
 * lib/posts/post-references.ts).
 * An image whose uploader was deleted belongs to nobody: editors and admins only.
 */
export type MediaAction = "use" | "editDetails";

export function canOnMedia(actor: Actor | null | undefined, action: MediaAction, media: MediaForAuthz): boolean {
  if (!actor) return false;
  const own = media.uploaderId !== null && media.uploaderId === actor.id;
  switch (action) {
    case "use":
      return own ? can(actor, "media.upload") : can(actor, "media.useAny");
    case "editDetails":
      return own ? can(actor, "media.upload") : can(actor, "media.editAnyDetails");
  }
}
