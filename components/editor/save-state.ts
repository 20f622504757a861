import { slugify } from "@/lib/posts/slug";
import { snapshot, toLocalInput, type Conflict, type EditorFields, type EditorInitial, type FieldErrors, type LiveState, type PostStatus } from "@/components/editor/types";

/**
 * The editor's state and every way it changes, as one pure reducer (no
 * timers, no fetch: those are in hooks/). The save status:
 *
 *   saved ──edit──▶ dirty ──saveStarted──▶ saving ──saveSucceeded──▶ saved (or dirty if typed meanwhile)
 *                                            ├─saveFailed──▶ retrying (offline when the browser is)
 *                                            ├─saveRejected─▶ error (the server said what to fix)
 *                                            └─conflict────▶ conflict (until reloaded or copied)
 *   offline ──online──▶ dirty (saved at once)      any ──loaded──▶ saved
 */
export type SaveStatus = "saved" | "dirty" | "saving" | "retrying" | "offline" | "conflict" | "error";

export type Notice = { kind: "notice" | "error"; text: string };

export type PostMeta = { id: string; version: number; status: PostStatus; publishedAt: string | null; live: LiveState };

export type EditorState = {
  fields: EditorFields;
  /** Snapshot of the fields the server last confirmed. */
  saved: string;
  status: SaveStatus;
  online: boolean;
  /** Failed attempts in a row, for the back-off. */
  failures: number;
  conflict: Conflict | null;
  fieldErrors: FieldErrors;
  notice: Notice | null;
  /** False while the slug follows the title (a post that has never been saved with one). */
  slugTouched: boolean;
  /** The schedule field (not part of the post's content). */
  publishAt: string;
  post: PostMeta;
};

export type SavedPost = { id: string; slug: string; version: number; status: PostStatus };
export type TransitionedPost = { version: number; status: PostStatus; publishedAt: string | null; slug: string };

export type EditorEvent =
  | { type: "edit"; changes: Partial<EditorFields> }
  | { type: "slugEdited"; slug: string }
  | { type: "publishAtEdited"; value: string }
  | { type: "saveStarted" }
  | { type: "saveSucceeded"; sent: EditorFields; post: SavedPost; live?: { hasChanges: boolean; slug: string } }
  | { type: "saveFailed"; unavailable: boolean }
  | { type: "saveRejected"; message: string | null; fieldErrors: FieldErrors }
  | { type: "conflict"; conflict: Conflict }
  | { type: "offline" }
  | { type: "online" }
  | { type: "loaded"; fields: EditorFields; post: Partial<Omit<PostMeta, "id">>; notice: Notice | null }
  | { type: "transitioned"; post: TransitionedPost; live: LiveState; notice: Notice }
  | { type: "failed"; message: string; fieldErrors?: FieldErrors }
  | { type: "notify"; notice: Notice | null };

/** Shown while saves get 503 (the database is unreachable); the text stays in localStorage and saves are retried. */
export const UNAVAILABLE_SAVE_MESSAGE = "The site is briefly unavailable. Your text is kept in this browser and will be saved as soon as the site is back.";

export const SAVE_STATUS_TEXT: Record<SaveStatus, string> = {
  saved: "Saved",
  dirty: "Unsaved changes",
  saving: "Saving…",
  retrying: "Not saved — retrying",
  offline: "Not saved — retrying when you are back online",
  error: "Not saved",
  conflict: "Not saved — conflict",
};

export const AUTOSAVE_DELAY_MS = 2500;
const FIRST_RETRY_MS = 2000;
const LONGEST_RETRY_MS = 30_000;

/** How long to wait before retrying after `failures` failed saves in a row: 2 s, 4 s, 8 s … at most 30 s. */
export function retryDelay(failures: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), LONGEST_RETRY_MS);
}

export function initialEditorState(initial: EditorInitial): EditorState {
  return {
    fields: initial.fields,
    saved: snapshot(initial.fields),
    status: "saved",
    online: true,
    failures: 0,
    conflict: null,
    fieldErrors: {},
    notice: null,
    slugTouched: !initial.blank,
    publishAt: toLocalInput(initial.publishedAt),
    post: { id: initial.id, version: initial.version, status: initial.status, publishedAt: initial.publishedAt, live: initial.live },
  };
}

export const isDirty = (state: EditorState) => snapshot(state.fields) !== state.saved;

/** saved/dirty follow the text; a save under way, a retry, a conflict or being offline stay until their own event. */
function settle(state: EditorState): EditorState {
  if (state.status === "saved" || state.status === "dirty" || state.status === "error") return { ...state, status: isDirty(state) ? "dirty" : "saved" };
  if (state.status === "offline" && !isDirty(state)) return { ...state, status: "saved" };
  return state;
}

function edit(state: EditorState, changes: Partial<EditorFields>): EditorState {
  const fields = { ...state.fields, ...changes };
  if (changes.title !== undefined && changes.slug === undefined && !state.slugTouched) fields.slug = slugify(changes.title);
  const fieldErrors = { ...state.fieldErrors };
  for (const key of Object.keys(changes)) delete fieldErrors[key];
  const status = state.status === "error" ? "dirty" : !state.online && state.status !== "conflict" ? "offline" : state.status;
  return settle({ ...state, fields, fieldErrors, status });
}

const withoutUnavailable = (notice: Notice | null) => (notice?.text === UNAVAILABLE_SAVE_MESSAGE ? null : notice);

export function editorSaveReducer(state: EditorState, event: EditorEvent): EditorState {
  switch (event.type) {
    case "edit":
      return edit(state, event.changes);
    case "slugEdited":
      return edit({ ...state, slugTouched: true }, { slug: event.slug });
    case "publishAtEdited":
      return { ...state, publishAt: event.value };
    case "saveStarted":
      return state.status === "conflict" ? state : { ...state, status: "saving" };
    case "saveSucceeded": {
      const { sent, post } = event;
      // The server may have chosen the slug (a new post's first save, or made unique): adopt it unless it was edited meanwhile.
      const adopt = (f: EditorFields) => (f.slug === sent.slug ? { ...f, slug: post.slug } : f);
      const live = event.live ? { ...state.post.live, hasChanges: event.live.hasChanges, slug: event.live.slug } : state.post.live;
      return settle({
        ...state,
        fields: adopt(state.fields),
        saved: snapshot(adopt(sent)),
        status: "saved",
        failures: 0,
        fieldErrors: {},
        notice: withoutUnavailable(state.notice),
        slugTouched: true,
        post: { ...state.post, id: post.id, version: post.version, status: post.status, live },
      });
    }
    case "saveFailed":
      if (state.status === "conflict") return state;
      return {
        ...state,
        status: state.online ? "retrying" : "offline",
        failures: state.failures + 1,
        notice: event.unavailable ? { kind: "notice", text: UNAVAILABLE_SAVE_MESSAGE } : state.notice,
      };
    case "saveRejected":
      return {
        ...state,
        status: "error",
        failures: 0,
        fieldErrors: event.fieldErrors,
        notice: event.message ? { kind: "error", text: event.message } : withoutUnavailable(state.notice),
      };
    case "conflict":
      return { ...state, status: "conflict", conflict: event.conflict };
    case "offline":
      return { ...state, online: false, status: state.status === "dirty" || state.status === "saving" || state.status === "retrying" ? "offline" : state.status };
    case "online":
      return settle({ ...state, online: true, status: state.status === "offline" ? "dirty" : state.status });
    case "loaded":
      return {
        ...state,
        fields: event.fields,
        saved: snapshot(event.fields),
        status: "saved",
        failures: 0,
        conflict: null,
        fieldErrors: {},
        notice: event.notice,
        post: { ...state.post, ...event.post },
      };
    case "transitioned": {
      const { post } = event;
      return {
        ...state,
        publishAt: post.publishedAt ? toLocalInput(post.publishedAt) : state.publishAt,
        notice: event.notice,
        post: { ...state.post, version: post.version, status: post.status, publishedAt: post.publishedAt, live: event.live },
      };
    }
    case "failed":
      return { ...state, notice: { kind: "error", text: event.message }, fieldErrors: { ...state.fieldErrors, ...(event.fieldErrors ?? {}) } };
    case "notify":
      return { ...state, notice: event.notice };
  }
}
