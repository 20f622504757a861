"use client";

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import Link from "next/link";
import { renderMarkdown, readingMinutes, wordCount } from "@/lib/markdown/render";
import { slugify } from "@/lib/posts/slug";
import { PostArticle } from "@/components/post-article";
import { ImageDialog, IMAGE_ACCEPT, type UploadedImage } from "@/components/editor/image-dialog";
import { RevisionsPanel } from "@/components/editor/revisions-panel";
import { DISPLAY_STATUS_LABELS, displayStatus } from "@/lib/posts/display-status";
import { PUBLISHABLE_FROM } from "@/lib/authz/permissions";
import {
  discardChangesAction,
  loadPostAction,
  publishAction,
  restoreArchivedAction,
  restoreRevisionAction,
  scheduleAction,
  submitForReviewAction,
  unpublishAction,
  updateLiveAction,
} from "@/app/dashboard/posts/actions";

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

export type EditorInitial = {
  id: string | null;
  fields: EditorFields;
  version: number;
  status: "DRAFT" | "IN_REVIEW" | "PUBLISHED" | "REJECTED" | "ARCHIVED";
  publishedAt: string | null;
  reviewNote: string | null;
  /** A published post: whether the fields are its working copy (unpublished changes), and the slug readers use. */
  live: { hasChanges: boolean; slug: string; submitted: boolean; note: string | null };
};

/** `delete` also covers restoring an archived post (the same right, see restore-archived-post.ts). */
export type EditorPermissions = { edit: boolean; submit: boolean; publish: boolean; unpublish: boolean; update: boolean; discard: boolean; delete: boolean };

type SaveState = "saved" | "dirty" | "saving" | "retrying" | "error" | "conflict";
type Conflict = { version: number; title: string; body: string; savedBy: string | null; updatedAt: string };
type FieldErrors = Record<string, string[] | undefined>;

const AUTOSAVE_DELAY_MS = 2500;
const subscribeToNothing = () => () => {};
const FLASH_KEY = "broadsheet:editor-flash";
const storageKey = (id: string | null) => `broadsheet:post-draft:${id ?? "new"}`;
const snapshot = (fields: EditorFields) => JSON.stringify(fields);

function payload(fields: EditorFields) {
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

/** datetime-local wants "YYYY-MM-DDTHH:mm" in local time. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function figureMarkdown(image: UploadedImage): string {
  const alt = image.altText.replace(/[[\]]/g, "");
  const title = [image.caption, image.credit].filter(Boolean).join(" | ").replace(/"/g, "\u201d");
  return title ? `![${alt}](${image.url} "${title}")` : `![${alt}](${image.url})`;
}

/** Shown while saves get 503 (the database is unreachable); the text stays in localStorage and saves are retried. */
export const UNAVAILABLE_SAVE_MESSAGE = "The site is briefly unavailable. Your text is kept in this browser and will be saved as soon as the site is back.";

const STATE_TEXT: Record<SaveState, string> = {
  saved: "Saved",
  dirty: "Unsaved changes",
  saving: "Saving…",
  retrying: "Not saved — retrying",
  error: "Not saved",
  conflict: "Not saved — conflict",
};

export function PostEditor({
  initial,
  permissions,
  author,
  categories,
  tagNames,
  maxUploadMb,
}: {
  initial: EditorInitial;
  permissions: EditorPermissions;
  author: { displayName: string; username: string };
  categories: { id: string; name: string }[];
  tagNames: string[];
  maxUploadMb: number;
}) {
  const [fields, setFields] = useState<EditorFields>(initial.fields);
  // False in the server's HTML and until hydration: the action buttons work only with JavaScript,
  // so they stay disabled until then rather than swallow an early click.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [postId, setPostId] = useState<string | null>(initial.id);
  const [server, setServer] = useState({ version: initial.version, status: initial.status, publishedAt: initial.publishedAt, slug: initial.fields.slug });
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: "notice" | "error"; text: string } | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [slugTouched, setSlugTouched] = useState(initial.id !== null);
  const [publishAt, setPublishAt] = useState(toLocalInput(initial.publishedAt));
  const [tagDraft, setTagDraft] = useState("");
  const [restorable, setRestorable] = useState<{ fields: EditorFields; savedAt: number } | null>(null);
  const [pendingImage, setPendingImage] = useState<{ file: File; purpose: "cover" | "inline" } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  // A published post's live version: are there unpublished changes (the working copy), and where do readers find it.
  const [live, setLive] = useState(initial.live);

  // The last text the server confirmed: a ref for async code, state for rendering.
  const lastSaved = useRef(snapshot(initial.fields));
  const [savedSnapshot, setSavedSnapshot] = useState(() => snapshot(initial.fields));
  const markSaved = (value: string) => {
    lastSaved.current = value;
    setSavedSnapshot(value);
  };
  const saveRef = useRef<(reason: "autosave" | "save") => Promise<boolean>>(async () => false);
  // Set while "Discard changes" runs: a save then would bring the discarded text back.
  const savesPaused = useRef(false);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const retryDelay = useRef(2000);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const latest = useRef({ fields, postId, version: server.version, conflict, slugTouched });
  useLayoutEffect(() => {
    latest.current = { fields, postId, version: server.version, conflict, slugTouched };
  });

  const readOnly = !permissions.edit;
  const dirty = snapshot(fields) !== savedSnapshot;

  // A notice from a transition that made the page re-render from the server (see FLASH_KEY).
  useEffect(() => {
    try {
      const flash = JSON.parse(window.sessionStorage.getItem(FLASH_KEY) ?? "null") as { postId: string; text: string; at: number } | null;
      window.sessionStorage.removeItem(FLASH_KEY);
      // eslint-disable-next-line react-hooks/set-state-in-effect -- browser storage is only readable after hydration
      if (flash && flash.postId === initial.id && Date.now() - flash.at < 10_000) setMessage({ kind: "notice", text: flash.text });
    } catch {
      // Nothing to show.
    }
  }, [initial.id]);

  // Offer what this browser kept of an earlier session that never reached the server.
  useEffect(() => {
    try {
      const raw = window.localStorage.getItem(storageKey(initial.id));
      if (!raw) return;
      const stored = JSON.parse(raw) as { fields: EditorFields; savedAt: number };
      // Browser storage exists only after hydration, so this state is set in an effect on purpose.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      if (snapshot(stored.fields) !== snapshot(initial.fields)) setRestorable(stored);
      else window.localStorage.removeItem(storageKey(initial.id));
    } catch {
      // A corrupt or unavailable store is not worth bothering the author with.
    }
  }, [initial]);

  // Every change is kept in this browser until the server has it.
  useEffect(() => {
    if (readOnly || !dirty) return;
    try {
      window.localStorage.setItem(storageKey(postId), JSON.stringify({ fields, savedAt: Date.now() }));
    } catch {
      // Storage full or disabled: the server save still runs.
    }
  }, [fields, postId, dirty, readOnly]);

  const save = useCallback(
    async (reason: "autosave" | "save"): Promise<boolean> => {
      if (inFlight.current) await inFlight.current;
      const { fields: current, postId: id, version, conflict: inConflict } = latest.current;
      if (inConflict || savesPaused.current) return false;
      const sent = snapshot(current);
      if (id && sent === lastSaved.current) return true;
      if (!current.title.trim()) {
        setFieldErrors({ title: ["Enter a title."] });
        setSaveState("error");
        return false;
      }
      const run = (async () => {
        setSaveState("saving");
        try {
          const response = await fetch(id ? `/api/posts/${id}` : "/api/posts", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            // A new post whose slug was never edited lets the server pick a free one.
            body: JSON.stringify(id ? { ...payload(current), expectedVersion: version, reason } : { ...payload(current), slug: latest.current.slugTouched ? current.slug : "" }),
          });
          const result = await response.json().catch(() => null);
          if (response.ok && result?.ok) {
            const post = result.post as { id: string; slug: string; version: number; status: EditorInitial["status"] };
            // The server may have chosen the slug (new post, or made unique): adopt it.
            const withSlug = (f: EditorFields) => (f.slug === current.slug ? { ...f, slug: post.slug } : f);
            markSaved(snapshot(withSlug(current)));
            retryDelay.current = 2000;
            // Transitions right after this save read the ref before React re-renders: update it now.
            latest.current = { ...latest.current, version: post.version, postId: post.id };
            setServer((s) => ({ ...s, version: post.version, status: post.status, slug: post.slug }));
            // A published post's edits are its working copy: readers still see the live version.
            if (typeof result.hasWorkingCopy === "boolean") setLive((l) => ({ ...l, hasChanges: result.hasWorkingCopy, slug: result.liveSlug ?? l.slug }));
            setFieldErrors({});
            setMessage((m) => (m?.text === UNAVAILABLE_SAVE_MESSAGE ? null : m));
            setSlugTouched(true);
            setFields(withSlug);
            if (!id) {
              setPostId(post.id);
              window.localStorage.removeItem(storageKey(null));
              window.history.replaceState(null, "", `/dashboard/posts/${post.id}/edit`);
            }
            const stillSame = snapshot(withSlug(latest.current.fields)) === lastSaved.current;
            if (stillSame) window.localStorage.removeItem(storageKey(post.id));
            setSaveState(stillSame ? "saved" : "dirty");
            return true;
          }
          if (response.status === 409 && result?.details) {
            setConflict(result.details as Conflict);
            setSaveState("conflict");
            return false;
          }
          // 503: the site can't reach its database for a moment (Retry-After); retried like a network error.
          if (response.status === 503) setMessage({ kind: "notice", text: UNAVAILABLE_SAVE_MESSAGE });
          if (response.status >= 500 || !result) throw new Error("server");
          setFieldErrors(result.fieldErrors ?? {});
          setMessage({ kind: "error", text: result.error ?? "Not saved." });
          setSaveState("error");
          return false;
        } catch {
          // Network down or the server failed: keep the text (it is in localStorage) and try again.
          setSaveState("retrying");
          if (retryTimer.current) clearTimeout(retryTimer.current);
          retryTimer.current = setTimeout(() => void saveRef.current("autosave"), retryDelay.current);
          retryDelay.current = Math.min(retryDelay.current * 2, 30_000);
          return false;
        }
      })();
      inFlight.current = run;
      try {
        return await run;
      } finally {
        inFlight.current = null;
      }
    },
    [],
  );

  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  // Autosave a few seconds after the last change.
  useEffect(() => {
    if (readOnly || !dirty || conflict) return;
    if (!postId && !fields.title.trim()) return;
    const timer = setTimeout(() => void save("autosave"), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [fields, dirty, conflict, readOnly, save, postId]);

  // Back online: save at once instead of waiting for the next retry.
  useEffect(() => {
    const online = () => void save("autosave");
    window.addEventListener("online", online);
    return () => window.removeEventListener("online", online);
  }, [save]);

  // Leaving the page: send what is unsaved with a keepalive request.
  useEffect(() => {
    const leave = () => {
      const { fields: current, postId: id, version, conflict: inConflict } = latest.current;
      if (!id || inConflict || readOnly || snapshot(current) === lastSaved.current || !current.title.trim()) return;
      try {
        void fetch(`/api/posts/${id}`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ ...payload(current), expectedVersion: version, reason: "autosave" }),
          keepalive: true,
        });
      } catch {
        // The copy in localStorage is offered again on the next visit.
      }
    };
    window.addEventListener("pagehide", leave);
    return () => window.removeEventListener("pagehide", leave);
  }, [readOnly]);

  function update<K extends keyof EditorFields>(key: K, value: EditorFields[K]) {
    setFields((f) => {
      const next = { ...f, [key]: value };
      if (key === "title" && !slugTouched) next.slug = slugify(String(value));
      return next;
    });
    if (fieldErrors[key]) setFieldErrors((e) => ({ ...e, [key]: undefined }));
  }

  // Text typed before hydration shows in the fields but never reached state: adopt it,
  // or the first save would drop it (slow networks, or a quick typist after sign-in).
  useEffect(() => {
    if (readOnly) return;
    const typed = (id: string) => (document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)?.value;
    for (const [id, key] of [["post-title", "title"], ["post-excerpt", "excerpt"], ["post-body", "body"], ["post-slug", "slug"]] as const) {
      const value = typed(id);
      if (value !== undefined && value !== initial.fields[key]) {
        // The DOM is only readable after hydration, so this state is set in an effect on purpose.
        // eslint-disable-next-line react-hooks/set-state-in-effect
        if (key === "slug") setSlugTouched(true);
        update(key, value);
      }
    }
    // Once, right after hydration: later changes arrive through onChange.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The action buttons: off until hydration (a click would be swallowed) and while one runs.
  const actionsDisabled = !hydrated || !!busy;

  type TransitionResult = { ok: boolean; error?: string; fieldErrors?: FieldErrors; code?: string; data?: unknown };
  /** Saves pending text first, then runs the transition (null: saving was all there was to do). */
  async function transition(name: string, run: ((id: string, version: number) => Promise<TransitionResult>) | null, success: string) {
    setBusy(name);
    setMessage(null);
    try {
      if (!(await save("save"))) {
        setMessage({ kind: "error", text: "Your changes could not be saved, so nothing else was done. Your text is kept here." });
        return;
      }
      const { postId: id, version } = latest.current;
      if (!run) {
        setMessage({ kind: "notice", text: success });
        return;
      }
      const result = await run(id!, version);
      if (!result.ok) {
        setFieldErrors((e) => ({ ...e, ...(result.fieldErrors ?? {}) }));
        if (result.code === "CONFLICT") {
          const fresh = await loadPostAction({ postId: id! });
          if (fresh.ok) setConflict({ version: fresh.data.version, title: fresh.data.title, body: fresh.data.body, savedBy: null, updatedAt: new Date().toISOString() });
          setSaveState("conflict");
          return;
        }
        setMessage({ kind: "error", text: result.error ?? "That did not work." });
        return;
      }
      const post = result.data as { version: number; status: EditorInitial["status"]; publishedAt: string | null; slug: string };
      latest.current = { ...latest.current, version: post.version };
      setServer({ version: post.version, status: post.status, publishedAt: post.publishedAt, slug: post.slug });
      // Submitting a live post's changes keeps them unpublished; every other transition takes them live (or into the draft).
      if (name === "submit" && post.status === "PUBLISHED") setLive((l) => ({ ...l, submitted: true, note: null }));
      else setLive({ hasChanges: false, slug: post.slug, submitted: false, note: null });
      if (post.publishedAt) setPublishAt(toLocalInput(post.publishedAt));
      setMessage({ kind: "notice", text: success });
      // The server re-renders the page after a transition; when the post was created on /new that
      // mounts a fresh editor, which picks the notice up from here.
      try {
        window.sessionStorage.setItem(FLASH_KEY, JSON.stringify({ postId: id, text: success, at: Date.now() }));
      } catch {
        // Without storage the notice may simply not survive that re-render.
      }
    } finally {
      setBusy(null);
    }
  }

  async function reloadTheirs() {
    const id = latest.current.postId;
    if (!id) return;
    const result = await loadPostAction({ postId: id });
    if (!result.ok) return setMessage({ kind: "error", text: result.error });
    const p = result.data;
    const next: EditorFields = { title: p.title, slug: p.slug, excerpt: p.excerpt, body: p.body, categoryId: p.categoryId, tags: p.tags, cover: p.cover };
    markSaved(snapshot(next));
    latest.current = { ...latest.current, version: p.version, conflict: null, fields: next };
    setFields(next);
    setServer({ version: p.version, status: p.status as EditorInitial["status"], publishedAt: p.publishedAt, slug: p.slug });
    setLive((l) => ({ ...l, hasChanges: p.hasWorkingCopy, slug: p.liveSlug }));
    setConflict(null);
    setSaveState("saved");
    window.localStorage.removeItem(storageKey(id));
    setMessage({ kind: "notice", text: "Loaded the latest saved version." });
  }

  /** "Discard changes": drop a published post's working copy and show the live version again. */
  async function discardChanges() {
    const id = latest.current.postId;
    if (!id) return;
    setBusy("discard");
    setMessage(null);
    savesPaused.current = true;
    try {
      // A save already on its way lands first; it is discarded with the rest.
      if (inFlight.current) await inFlight.current;
      const result = await discardChangesAction({ postId: id, expectedVersion: latest.current.version });
      if (!result.ok) {
        setMessage({ kind: "error", text: result.code === "CONFLICT" ? "This post was changed elsewhere since you opened it; reload the page to see the latest version." : result.error });
        return;
      }
      const fresh = await loadPostAction({ postId: id });
      if (!fresh.ok) return setMessage({ kind: "error", text: fresh.error });
      const p = fresh.data;
      const next: EditorFields = { title: p.title, slug: p.slug, excerpt: p.excerpt, body: p.body, categoryId: p.categoryId, tags: p.tags, cover: p.cover };
      markSaved(snapshot(next));
      latest.current = { ...latest.current, version: p.version, fields: next };
      setFields(next);
      setServer({ version: p.version, status: p.status as EditorInitial["status"], publishedAt: p.publishedAt, slug: p.slug });
      setLive({ hasChanges: false, slug: p.liveSlug, submitted: false, note: null });
      setSaveState("saved");
      setFieldErrors({});
      window.localStorage.removeItem(storageKey(id));
      setMessage({ kind: "notice", text: "Changes discarded. This is the published version readers see." });
    } finally {
      savesPaused.current = false;
      setBusy(null);
    }
  }

  async function keepMine() {
    const { fields: mine } = latest.current;
    const response = await fetch("/api/posts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...payload(mine), title: `${mine.title} (my copy)`.slice(0, 200), slug: "" }),
    });
    const result = await response.json().catch(() => null);
    if (!response.ok || !result?.ok) return setMessage({ kind: "error", text: result?.error ?? "Could not save your copy; your text is still here." });
    window.localStorage.removeItem(storageKey(latest.current.postId));
    // A full load: the editor stays mounted across client navigations within this route.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a fresh editor for the copy, on purpose
    window.location.assign(`/dashboard/posts/${result.post.id}/edit?copied=1`);
  }

  async function onRestoreRevision(revisionId: string) {
    const { postId: id } = latest.current;
    if (!id) return;
    if (!(await save("save"))) return;
    const result = await restoreRevisionAction({ postId: id, revisionId, expectedVersion: latest.current.version });
    if (!result.ok) return setMessage({ kind: "error", text: result.error });
    const next = { ...latest.current.fields, title: result.data.title, excerpt: result.data.excerpt, body: result.data.body };
    markSaved(snapshot(next));
    setFields(next);
    latest.current = { ...latest.current, version: result.data.version };
    setServer((s) => ({ ...s, version: result.data.version }));
    setSaveState("saved");
    setMessage({ kind: "notice", text: "Revision restored." });
  }

  function insertImage(image: UploadedImage) {
    const textarea = bodyRef.current;
    const body = latest.current.fields.body;
    const at = textarea ? textarea.selectionStart : body.length;
    const before = body.slice(0, at);
    const after = body.slice(at);
    const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
    const tail = after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
    update("body", `${before}${lead}${figureMarkdown(image)}${tail}${after}`);
  }

  function pickImage(files: FileList | File[] | null | undefined, purpose: "cover" | "inline") {
    const file = files ? Array.from(files).find((f) => f.type.startsWith("image/") || f.type === "") ?? files[0] : undefined;
    if (file) setPendingImage({ file, purpose });
  }

  function addTag(name: string) {
    const clean = name.trim().replace(/,+$/, "").trim();
    if (!clean) return;
    if (!fields.tags.some((t) => t.toLowerCase() === clean.toLowerCase())) update("tags", [...fields.tags, clean]);
    setTagDraft("");
  }

  const html = useMemo(() => (tab === "preview" ? renderMarkdown(fields.body) : ""), [tab, fields.body]);
  const words = wordCount(fields.body);
  const status = displayStatus({ status: server.status, publishedAt: server.publishedAt ? new Date(server.publishedAt) : null });
  const isLive = server.status === "PUBLISHED";
  // What readers see compared with what is in the editor (typed-but-unsaved text is unpublished too).
  const unpublished = isLive && (live.hasChanges || dirty);
  // The server refuses the rest (a live post is updated, an archived one restored first).
  const publishable = (PUBLISHABLE_FROM as readonly string[]).includes(status);
  const coverLocked = fields.cover?.detailsEditable === false;
  const scheduleDate = publishAt ? new Date(publishAt) : null;
  // Whether the date is in the future is checked by the server, next to the field.
  const canSchedule = !!scheduleDate && !Number.isNaN(scheduleDate.getTime());
  const category = categories.find((c) => c.id === fields.categoryId);
  const err = (key: string) =>
    fieldErrors[key]?.length ? (
      <p className="field-error" id={`${key}-error`}>
        {fieldErrors[key]!.join(" ")}
      </p>
    ) : null;
  const describedBy = (key: string, extra?: string) => [fieldErrors[key]?.length ? `${key}-error` : "", extra ?? ""].filter(Boolean).join(" ") || undefined;

  return (
    <div className="editor">
      <div className="editor-main">
        {restorable ? (
          <div className="notice restore-banner" role="status">
            <p>
              This browser kept changes that were not saved ({new Date(restorable.savedAt).toLocaleString("en-GB")}).
            </p>
            <div className="button-row">
              <button
                type="button"
                onClick={() => {
                  setFields(restorable.fields);
                  setRestorable(null);
                }}
              >
                Restore unsaved changes
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  window.localStorage.removeItem(storageKey(initial.id));
                  setRestorable(null);
                }}
              >
                Discard them
              </button>
            </div>
          </div>
        ) : null}
        {conflict ? (
          <div className="form-error conflict" role="alert">
            <p>
              <strong>This post was changed elsewhere</strong>
              {conflict.savedBy ? ` by ${conflict.savedBy}` : ""} since you opened it. Your text has not been saved and is still here.
            </p>
            <div className="button-row">
              <button type="button" onClick={() => void reloadTheirs()}>
                Reload their version
              </button>
              <button type="button" className="secondary" onClick={() => void keepMine()}>
                Keep my copy
              </button>
            </div>
            <p className="meta">“Keep my copy” saves your text as a new draft; “Reload their version” replaces your text with the saved one.</p>
          </div>
        ) : null}
        {message ? (
          <p className={message.kind === "error" ? "form-error" : "notice"} role={message.kind === "error" ? "alert" : "status"}>
            {message.text}
          </p>
        ) : null}
        {/* The note travels with a rejection and with "request changes" (back to draft) until the next submission. */}
        {isLive && live.note && !live.submitted ? (
          <div className="notice review-request">
            <strong>Changes requested. Editor’s note:</strong> {live.note}
          </div>
        ) : null}
        {initial.reviewNote && (server.status === "REJECTED" || server.status === "DRAFT") ? (
          <div className={server.status === "REJECTED" ? "form-error" : "notice review-request"}>
            <strong>{server.status === "REJECTED" ? "Rejected. Editor’s note:" : "Changes requested. Editor’s note:"}</strong> {initial.reviewNote}
          </div>
        ) : null}

        <div className="field">
          <label htmlFor="post-title">Title</label>
          <input id="post-title" className="title-input" value={fields.title} onChange={(e) => update("title", e.target.value)} maxLength={200} readOnly={readOnly} aria-invalid={!!fieldErrors.title?.length} aria-describedby={describedBy("title")} />
          {err("title")}
        </div>

        <div className="tabs">
          <div role="tablist" aria-label="Editor view" className="button-row">
          <button type="button" role="tab" id="tab-write" aria-selected={tab === "write"} aria-controls="panel-write" className={tab === "write" ? "" : "secondary"} onClick={() => setTab("write")}>
            Write
          </button>
          <button type="button" role="tab" id="tab-preview" aria-selected={tab === "preview"} aria-controls="panel-preview" className={tab === "preview" ? "" : "secondary"} onClick={() => setTab("preview")}>
            Preview
          </button>
          </div>
          <span className="meta counts" aria-live="off">
            {words} word{words === 1 ? "" : "s"} · {readingMinutes(fields.body)} min read
          </span>
        </div>

        <div id="panel-write" role="tabpanel" aria-labelledby="tab-write" hidden={tab !== "write"}>
          <div className="field">
            <div className="label-row">
              <label htmlFor="post-body">Content (Markdown)</label>
              {!readOnly ? (
                <label className="button secondary small file-button">
                  Insert image
                  <input type="file" accept={IMAGE_ACCEPT} className="visually-hidden" onChange={(e) => { pickImage(e.target.files, "inline"); e.target.value = ""; }} />
                </label>
              ) : null}
            </div>
            <textarea
              id="post-body"
              ref={bodyRef}
              className="body-input"
              value={fields.body}
              rows={22}
              readOnly={readOnly}
              onChange={(e) => update("body", e.target.value)}
              onDragOver={(e) => {
                if (e.dataTransfer.types.includes("Files")) e.preventDefault();
              }}
              onDrop={(e) => {
                if (!e.dataTransfer.files.length || readOnly) return;
                e.preventDefault();
                pickImage(e.dataTransfer.files, "inline");
              }}
              onPaste={(e) => {
                const files = Array.from(e.clipboardData.files).filter((f) => f.type.startsWith("image/"));
                if (!files.length || readOnly) return;
                e.preventDefault();
                pickImage(files, "inline");
              }}
              aria-describedby={describedBy("body", "body-help")}
            />
            <p id="body-help" className="meta">
              Markdown: **bold**, _italic_, ## Heading, [link](https://…). Drop or paste an image to upload it.
            </p>
            {err("body")}
          </div>
          <div className="field">
            <label htmlFor="post-excerpt">Excerpt</label>
            <textarea id="post-excerpt" value={fields.excerpt} rows={3} maxLength={300} readOnly={readOnly} onChange={(e) => update("excerpt", e.target.value)} aria-describedby={describedBy("excerpt")} />
            {err("excerpt")}
          </div>
        </div>

        <div id="panel-preview" role="tabpanel" aria-labelledby="tab-preview" hidden={tab !== "preview"} className="editor-preview">
          {tab === "preview" ? (
            <PostArticle
              titleLevel="h2"
              title={fields.title || "Untitled"}
              excerpt={fields.excerpt}
              category={category ? { name: category.name, slug: "" } : null}
              author={author}
              publishedAt={server.publishedAt ? new Date(server.publishedAt) : scheduleDate && !Number.isNaN(scheduleDate.getTime()) ? scheduleDate : new Date()}
              readingMinutes={readingMinutes(fields.body)}
              cover={fields.cover}
              html={html}
              tags={fields.tags.map((name) => ({ name, slug: slugify(name) }))}
            />
          ) : null}
        </div>
      </div>

      <aside className="editor-side" aria-label="Post settings">
        <div className="panel">
          <p className="save-state" role="status" aria-live="polite" data-state={saveState}>
            {readOnly ? "Read only" : !postId && !dirty ? "Not saved yet" : STATE_TEXT[dirty && saveState === "saved" ? "dirty" : saveState]}
          </p>
          <p className="meta">
            Status: <span className={`status status-${status}`}>{DISPLAY_STATUS_LABELS[status]}</span>
          </p>
          {isLive ? (
            <p className={`live-state${unpublished ? " has-changes" : ""}`} data-testid="live-state">
              {unpublished ? (
                <>
                  <strong>Unpublished changes</strong> — {status === "SCHEDULED" ? "the scheduled version stays as it was until you update it." : "readers still see the published version."}
                  {live.submitted ? " Submitted for review." : ""}
                </>
              ) : (
                <>
                  <strong>Live</strong> — {status === "SCHEDULED" ? "this is the version that will be published." : "readers see this version."}
                </>
              )}
            </p>
          ) : null}
          {!readOnly ? (
            <div className="button-stack">
              {isLive && permissions.update ? (
                <button
                  type="button"
                  disabled={actionsDisabled}
                  onClick={() =>
                    void transition("update", (postId, expectedVersion) => updateLiveAction({ postId, expectedVersion }), status === "SCHEDULED" ? "Updated. The scheduled version has your changes." : "Updated. Readers see the change now.")
                  }
                >
                  Update
                </button>
              ) : null}
              <button
                type="button"
                className={permissions.publish || (isLive && permissions.update) ? "secondary" : ""}
                disabled={actionsDisabled}
                onClick={() => void transition("save", null, isLive ? "Changes saved. Readers still see the published version." : "Draft saved.")}
              >
                Save draft
              </button>
              {isLive && permissions.discard && unpublished ? (
                <button type="button" className="secondary" disabled={actionsDisabled} onClick={() => void discardChanges()}>
                  Discard changes
                </button>
              ) : null}
              {!permissions.publish && (server.status === "DRAFT" || server.status === "REJECTED") ? (
                <button type="button" disabled={actionsDisabled} onClick={() => void transition("submit", (postId) => submitForReviewAction({ postId }), "Submitted for review. An editor will look at it.")}>
                  Submit for review
                </button>
              ) : null}
              {!permissions.update && permissions.submit && isLive && unpublished && !live.submitted ? (
                <button
                  type="button"
                  disabled={actionsDisabled}
                  onClick={() => void transition("submit", (postId) => submitForReviewAction({ postId }), "Submitted your changes for review. Readers see them once an editor approves them.")}
                >
                  Submit changes for review
                </button>
              ) : null}
              {server.status === "ARCHIVED" && permissions.delete ? (
                <button type="button" disabled={actionsDisabled} onClick={() => void transition("restore", (postId) => restoreArchivedAction({ postId }), "Restored as a draft.")}>
                  Restore as draft
                </button>
              ) : null}
              {permissions.publish && publishable ? (
                <button type="button" disabled={actionsDisabled} onClick={() => void transition("publish", (postId, expectedVersion) => publishAction({ postId, expectedVersion }), "Published.")}>
                  {status === "SCHEDULED" ? "Publish now" : "Publish"}
                </button>
              ) : null}
              {permissions.publish && publishable ? (
                <button
                  type="button"
                  className="secondary"
                  disabled={actionsDisabled || !canSchedule}
                  title={canSchedule ? undefined : "Choose a publish date in the future first."}
                  onClick={() => void transition("schedule", (postId, expectedVersion) => scheduleAction({ postId, expectedVersion, publishAt: new Date(publishAt).toISOString() }), "Scheduled.")}
                >
                  Schedule
                </button>
              ) : null}
              {permissions.publish && isLive ? (
                <button type="button" className="danger" disabled={actionsDisabled} onClick={() => void transition("unpublish", (postId, expectedVersion) => unpublishAction({ postId, expectedVersion }), "Unpublished. Readers no longer see this post.")}>
                  Unpublish
                </button>
              ) : null}
            </div>
          ) : null}
          {server.status === "ARCHIVED" ? <p className="meta">Archived: readers don’t see it. Restore it as a draft to publish it again.</p> : null}
          {postId ? (
            <p className="meta">
              {status === "PUBLISHED" ? (
                <>
                  <Link href={`/posts/${live.slug}`}>View post</Link>
                  {live.hasChanges ? (
                    <>
                      {" · "}
                      <Link href={`/dashboard/posts/${postId}/preview`}>Preview changes</Link>
                    </>
                  ) : null}
                </>
              ) : (
                <Link href={`/dashboard/posts/${postId}/preview`}>Open full preview</Link>
              )}
            </p>
          ) : null}
        </div>

        <div className="panel">
          <div className="field">
            <label htmlFor="post-publish-at">Publish date</label>
            <input id="post-publish-at" type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} readOnly={readOnly || !permissions.publish} aria-describedby={describedBy("publishAt", "publish-help")} />
            <p id="publish-help" className="meta">
              {permissions.publish ? "A future date lets you schedule the post." : "An editor sets the date when publishing."}
            </p>
            {err("publishAt")}
          </div>
          <div className="field">
            <label htmlFor="post-slug">Slug</label>
            <input
              id="post-slug"
              value={fields.slug}
              readOnly={readOnly}
              onChange={(e) => {
                setSlugTouched(true);
                update("slug", e.target.value.toLowerCase());
              }}
              onBlur={() => update("slug", slugify(fields.slug))}
              aria-describedby={describedBy("slug", "slug-help")}
            />
            <p id="slug-help" className="meta">
              /posts/{fields.slug || "…"}
              {isLive && fields.slug !== live.slug ? " — after “Update”, the old address will redirect here." : ""}
            </p>
            {err("slug")}
          </div>
          <div className="field">
            <label htmlFor="post-category">Category</label>
            <select id="post-category" value={fields.categoryId ?? ""} disabled={readOnly} onChange={(e) => update("categoryId", e.target.value || null)} aria-describedby={describedBy("categoryId")}>
              <option value="">No category</option>
              {categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {err("categoryId")}
          </div>
          <div className="field">
            <label htmlFor="post-tags">Tags</label>
            {fields.tags.length ? (
              <ul className="chip-list" aria-label="Chosen tags">
                {fields.tags.map((tag) => (
                  <li key={tag}>
                    {tag}
                    {!readOnly ? (
                      <button type="button" className="chip-remove" aria-label={`Remove tag ${tag}`} onClick={() => update("tags", fields.tags.filter((t) => t !== tag))}>
                        ×
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {!readOnly ? (
              <>
                <input
                  id="post-tags"
                  list="tag-options"
                  value={tagDraft}
                  placeholder="Pick or type a new tag, then Enter"
                  onChange={(e) => {
                    const value = e.target.value;
                    if (value.endsWith(",")) addTag(value);
                    else setTagDraft(value);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") {
                      e.preventDefault();
                      addTag(tagDraft);
                    }
                  }}
                  onBlur={() => addTag(tagDraft)}
                  aria-describedby={describedBy("tags")}
                />
                <datalist id="tag-options">
                  {tagNames.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              </>
            ) : null}
            {err("tags")}
          </div>
        </div>

        <div className="panel">
          <h2 className="panel-title">Cover image</h2>
          {fields.cover ? (
            <>
              {/* eslint-disable-next-line @next/next/no-img-element -- our own resized variant, not next/image */}
              <img src={`${fields.cover.url}?w=480&f=webp`} alt={fields.cover.altText} width={fields.cover.width} height={fields.cover.height} className="cover-thumb" />
              {coverLocked ? <p className="meta">Someone else uploaded this image: only they or an editor can change its alt text, caption and credit.</p> : null}
              <div className="field">
                <label htmlFor="cover-alt">Cover alt text</label>
                <input id="cover-alt" value={fields.cover.altText} readOnly={readOnly || coverLocked} onChange={(e) => update("cover", { ...fields.cover!, altText: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="cover-caption">Cover caption</label>
                <input id="cover-caption" value={fields.cover.caption} readOnly={readOnly || coverLocked} onChange={(e) => update("cover", { ...fields.cover!, caption: e.target.value })} />
              </div>
              <div className="field">
                <label htmlFor="cover-credit">Cover credit</label>
                <input id="cover-credit" value={fields.cover.credit} readOnly={readOnly || coverLocked} onChange={(e) => update("cover", { ...fields.cover!, credit: e.target.value })} />
              </div>
            </>
          ) : (
            <p className="meta">No cover image.</p>
          )}
          {!readOnly ? (
            <div className="button-row">
              <label className="button secondary small file-button">
                {fields.cover ? "Replace cover image" : "Upload cover image"}
                <input type="file" accept={IMAGE_ACCEPT} className="visually-hidden" onChange={(e) => { pickImage(e.target.files, "cover"); e.target.value = ""; }} />
              </label>
              {fields.cover ? (
                <button type="button" className="secondary small" onClick={() => update("cover", null)}>
                  Remove cover
                </button>
              ) : null}
            </div>
          ) : null}
          {err("coverMediaId")}
        </div>

        {postId ? <RevisionsPanel postId={postId} currentBody={fields.body} canRestore={!readOnly} onRestore={onRestoreRevision} /> : null}
      </aside>

      <ImageDialog
        key={pendingImage ? `${pendingImage.file.name}-${pendingImage.file.size}-${pendingImage.file.lastModified}` : "none"}
        file={pendingImage?.file ?? null}
        purpose={pendingImage?.purpose ?? "inline"}
        maxUploadMb={maxUploadMb}
        onClose={() => setPendingImage(null)}
        onUploaded={(image) => {
          if (pendingImage?.purpose === "cover") update("cover", image);
          else insertImage(image);
          setPendingImage(null);
        }}
      />
    </div>
  );
}
