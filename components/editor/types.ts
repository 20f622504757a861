import type { UploadedImage } from "@/lib/media/image-url";

/** `detailsEditable: false`: someone else's image (their upload, and the actor is not an editor); its details are shown, not editable. */
export type EditorCover = { id: string; url: string; storageKey: string; width: number; height: number; altText: string; caption: string; credit: string; detailsEditable?: boolean };

export type EditorFields = {
  title: string;
  slug: string;
  excerpt: string;
  body: string;
  categoryId: string | null;
  tags: string[];
  cover: EditorCover | null;
};

export type PostStatus = "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "REJECTED" | "ARCHIVED";

/** A published post's live version: are there unpublished changes (its working copy), where readers find it, is it in review. */
export type LiveState = { hasChanges: boolean; slug: string; submitted: boolean; note: string | null };

export type EditorInitial = {
  id: string;
  /** A draft "New post" just made: no title yet, and its slug follows the title until edited. */
  blank: boolean;
  fields: EditorFields;
  version: number;
  status: PostStatus;
  publishedAt: string | null;
  reviewNote: string | null;
  live: LiveState;
};

/** `delete` also covers restoring an archived post (the same right, see restore-archived-post.ts). */
export type EditorPermissions = { edit: boolean; submit: boolean; publish: boolean; unpublish: boolean; update: boolean; discard: boolean; delete: boolean };

export type Conflict = { version: number; title: string; body: string; savedBy: string | null; updatedAt: string };
export type FieldErrors = Record<string, string[] | undefined>;

/** What a server action answers (lib/actions/authed-action.ts), as the editor reads it. */
export type ActionOutcome<T> = { ok: true; data: T } | { ok: false; code: string; error: string; fieldErrors?: FieldErrors };
export type PostSummary = { id: string; slug: string; version: number; status: string; publishedAt: string | null };
export type LoadedPost = PostSummary & Omit<EditorFields, "cover"> & { cover: EditorCover | null; liveSlug: string; hasWorkingCopy: boolean };
export type RevisionRow = { id: string; version: number; reason: string; createdAt: string; savedBy: string | null; title: string };

type Ref = { postId: string };
type Versioned = Ref & { expectedVersion: number };

/**
 * The server actions the editor calls, handed down by the page (components
 * never import from app/). Names and shapes are those of app/dashboard/posts/actions.ts.
 */
export type EditorActions = {
  publish: (input: Versioned) => Promise<ActionOutcome<PostSummary>>;
  schedule: (input: Versioned & { publishAt: string }) => Promise<ActionOutcome<PostSummary>>;
  unpublish: (input: Versioned) => Promise<ActionOutcome<PostSummary>>;
  updateLive: (input: Versioned) => Promise<ActionOutcome<PostSummary>>;
  discardChanges: (input: Versioned) => Promise<ActionOutcome<PostSummary>>;
  submitForReview: (input: Ref) => Promise<ActionOutcome<PostSummary>>;
  restoreArchived: (input: Ref) => Promise<ActionOutcome<PostSummary>>;
  restoreRevision: (input: Versioned & { revisionId: string }) => Promise<ActionOutcome<PostSummary & { title: string; excerpt: string; body: string }>>;
  loadPost: (input: Ref) => Promise<ActionOutcome<LoadedPost>>;
  listRevisions: (input: Ref) => Promise<ActionOutcome<RevisionRow[]>>;
  getRevision: (input: Ref & { revisionId: string }) => Promise<ActionOutcome<{ body: string }>>;
};

export const snapshot = (fields: EditorFields) => JSON.stringify(fields);

/** The JSON body of a save (app/api/posts/[id]/route.ts). */
export function savePayload(fields: EditorFields) {
  return {
    title: fields.title,
    slug: fields.slug,
    excerpt: fields.excerpt,
    body: fields.body,
    categoryId: fields.categoryId,
    tagNames: fields.tags,
    coverMediaId: fields.cover?.id ?? null,
    ...(fields.cover ? { coverDetails: { altText: fields.cover.altText, caption: fields.cover.caption, credit: fields.cover.credit } } : {}),
  };
}

export function fieldsOf(post: LoadedPost): EditorFields {
  return { title: post.title, slug: post.slug, excerpt: post.excerpt, body: post.body, categoryId: post.categoryId, tags: post.tags, cover: post.cover };
}

/** datetime-local wants "YYYY-MM-DDTHH:mm" in local time. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function figureMarkdown(image: UploadedImage): string {
  const alt = image.altText.replace(/[[\]]/g, "");
  const title = [image.caption, image.credit].filter(Boolean).join(" | ").replace(/"/g, "\u201d");
  return title ? `![${alt}](${image.url} "${title}")` : `![${alt}](${image.url})`;
}
