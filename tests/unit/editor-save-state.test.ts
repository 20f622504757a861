import { describe, expect, it } from "vitest";
import {
  editorSaveReducer,
  initialEditorState,
  isDirty,
  retryDelay,
  SAVE_STATUS_TEXT,
  UNAVAILABLE_SAVE_MESSAGE,
  type EditorEvent,
  type EditorState,
} from "@/components/editor/save-state";
import type { EditorFields, EditorInitial } from "@/components/editor/types";

const fields = (changes: Partial<EditorFields> = {}): EditorFields => ({ title: "Harbour", slug: "harbour", excerpt: "", body: "Boats.", categoryId: null, tags: [], cover: null, ...changes });

function start(changes: Partial<EditorInitial> = {}): EditorState {
  return initialEditorState({
    id: "p1",
    blank: false,
    fields: fields(),
    version: 3,
    status: "DRAFT",
    publishedAt: null,
    reviewNote: null,
    live: { hasChanges: false, slug: "harbour", submitted: false, note: null },
    ...changes,
  });
}

const run = (state: EditorState, ...events: EditorEvent[]) => events.reduce(editorSaveReducer, state);
const typed = (body: string): EditorEvent => ({ type: "edit", changes: { body } });
const saved = (sent: EditorFields, version = 4, slug = sent.slug): EditorEvent => ({ type: "saveSucceeded", sent, post: { id: "p1", slug, version, status: "DRAFT" } });

describe("editorSaveReducer: the save status", () => {
  it("starts saved, and an edit makes it dirty; typing back to the saved text makes it saved again", () => {
    const state = start();
    expect(state.status).toBe("saved");
    const dirty = run(state, typed("Boats at rest."));
    expect(dirty.status).toBe("dirty");
    expect(isDirty(dirty)).toBe(true);
    expect(run(dirty, typed("Boats.")).status).toBe("saved");
  });

  it("dirty → saving → saved, with the version the server answered", () => {
    const dirty = run(start(), typed("Boats at rest."));
    const saving = run(dirty, { type: "saveStarted" });
    expect(saving.status).toBe("saving");
    const done = run(saving, saved(dirty.fields, 4));
    expect(done).toMatchObject({ status: "saved", failures: 0, post: { version: 4 } });
    expect(isDirty(done)).toBe(false);
  });

  it("text typed while a save is in flight stays dirty after it lands", () => {
    const dirty = run(start(), typed("One."));
    const sent = dirty.fields;
    const later = run(dirty, { type: "saveStarted" }, typed("One. Two."));
    expect(later.status).toBe("saving");
    const done = run(later, saved(sent));
    expect(done.status).toBe("dirty");
    expect(done.fields.body).toBe("One. Two.");
  });

  it("a failed save retries with back-off counting failures; success resets the count", () => {
    const dirty = run(start(), typed("Lost?"));
    const once = run(dirty, { type: "saveStarted" }, { type: "saveFailed", unavailable: false });
    expect(once).toMatchObject({ status: "retrying", failures: 1 });
    const twice = run(once, { type: "saveStarted" }, { type: "saveFailed", unavailable: false });
    expect(twice.failures).toBe(2);
    expect(SAVE_STATUS_TEXT[twice.status]).toBe("Not saved — retrying");
    expect(run(twice, { type: "saveStarted" }, saved(dirty.fields))).toMatchObject({ status: "saved", failures: 0 });
  });

  it("edits while retrying keep the status (the retry timer is not postponed)", () => {
    const retrying = run(start(), typed("A."), { type: "saveStarted" }, { type: "saveFailed", unavailable: false });
    expect(run(retrying, typed("A. B.")).status).toBe("retrying");
  });

  it("503 shows the 'briefly unavailable' notice until a save succeeds", () => {
    const dirty = run(start(), typed("Outage."));
    const failed = run(dirty, { type: "saveStarted" }, { type: "saveFailed", unavailable: true });
    expect(failed.notice).toEqual({ kind: "notice", text: UNAVAILABLE_SAVE_MESSAGE });
    expect(run(failed, saved(dirty.fields)).notice).toBeNull();
  });

  it("offline: a dirty editor says so, a failure while offline stays offline, back online is dirty again", () => {
    const dirty = run(start(), typed("Offline text."));
    const offline = run(dirty, { type: "offline" });
    expect(offline).toMatchObject({ status: "offline", online: false });
    expect(SAVE_STATUS_TEXT.offline).toContain("Not saved — retrying");
    expect(run(offline, { type: "saveStarted" }, { type: "saveFailed", unavailable: false }).status).toBe("offline");
    expect(run(offline, typed("More offline text.")).status).toBe("offline");
    expect(run(offline, { type: "online" })).toMatchObject({ status: "dirty", online: true });
  });

  it("offline with nothing unsaved stays saved; an edit then goes straight to offline", () => {
    const offline = run(start(), { type: "offline" });
    expect(offline.status).toBe("saved");
    expect(run(offline, typed("New.")).status).toBe("offline");
    expect(run(offline, { type: "online" }).status).toBe("saved");
  });

  it("a conflict holds until the text is reloaded; saves and failures don't leave it", () => {
    const conflict = { version: 9, title: "Theirs", body: "Their text.", savedBy: "Amara", updatedAt: "2026-11-27T10:00:00.000Z" };
    const state = run(start(), typed("Mine."), { type: "saveStarted" }, { type: "conflict", conflict });
    expect(state).toMatchObject({ status: "conflict", conflict });
    expect(run(state, { type: "saveStarted" }).status).toBe("conflict");
    expect(run(state, { type: "saveFailed", unavailable: false }).status).toBe("conflict");
    expect(run(state, typed("Mine, longer.")).status).toBe("conflict");
    const reloaded = run(state, { type: "loaded", fields: fields({ title: "Theirs", body: "Their text." }), post: { version: 9 }, notice: { kind: "notice", text: "Loaded the latest saved version." } });
    expect(reloaded).toMatchObject({ status: "saved", conflict: null, post: { version: 9 }, fields: { body: "Their text." } });
  });

  it("a rejected save shows the server's field errors; editing that field clears its error and makes it dirty", () => {
    const dirty = run(start(), { type: "edit", changes: { slug: "taken" } });
    const rejected = run(dirty, { type: "saveStarted" }, { type: "saveRejected", message: "Please correct the highlighted fields.", fieldErrors: { slug: ["That slug is taken."], excerpt: ["Too long."] } });
    expect(rejected).toMatchObject({ status: "error", notice: { kind: "error" }, fieldErrors: { slug: ["That slug is taken."] } });
    const fixed = run(rejected, { type: "slugEdited", slug: "free" });
    expect(fixed.status).toBe("dirty");
    expect(fixed.fieldErrors).toEqual({ excerpt: ["Too long."] });
  });
});

describe("editorSaveReducer: slug, transitions and loads", () => {
  it("a blank draft's slug follows the title until edited, then stays", () => {
    const blank = start({ blank: true, fields: fields({ title: "", slug: "", body: "" }) });
    expect(run(blank, { type: "edit", changes: { title: "Tide Tables!" } }).fields.slug).toBe("tide-tables");
    const edited = run(blank, { type: "slugEdited", slug: "my-own" }, { type: "edit", changes: { title: "Tide tables" } });
    expect(edited.fields.slug).toBe("my-own");
    expect(run(start(), { type: "edit", changes: { title: "Renamed" } }).fields.slug).toBe("harbour");
  });

  it("the first save adopts the slug the server chose, then the slug no longer follows the title", () => {
    const blank = start({ blank: true, fields: fields({ title: "", slug: "", body: "" }) });
    const typedTitle = run(blank, { type: "edit", changes: { title: "Tide tables" } });
    const done = run(typedTitle, { type: "saveStarted" }, saved(typedTitle.fields, 2, "tide-tables-2"));
    expect(done).toMatchObject({ status: "saved", slugTouched: true, fields: { slug: "tide-tables-2" } });
    expect(run(done, { type: "edit", changes: { title: "Tide tables, winter" } }).fields.slug).toBe("tide-tables-2");
  });

  it("a published post's save records whether it has unpublished changes", () => {
    const live = start({ status: "PUBLISHED", publishedAt: "2026-11-01T10:00:00.000Z" });
    const dirty = run(live, typed("Changed."));
    const done = run(dirty, { type: "saveSucceeded", sent: dirty.fields, post: { id: "p1", slug: "harbour", version: 4, status: "PUBLISHED" }, live: { hasChanges: true, slug: "harbour" } });
    expect(done.post.live).toMatchObject({ hasChanges: true, slug: "harbour" });
  });

  it("a transition updates version, status, publish date and notice", () => {
    const state = run(start(), { type: "transitioned", post: { version: 5, status: "PUBLISHED", publishedAt: "2026-11-27T09:30:00.000Z", slug: "harbour" }, live: { hasChanges: false, slug: "harbour", submitted: false, note: null }, notice: { kind: "notice", text: "Published." } });
    expect(state.post).toMatchObject({ version: 5, status: "PUBLISHED", publishedAt: "2026-11-27T09:30:00.000Z" });
    expect(state.publishAt).toMatch(/^2026-11-27T\d{2}:30$/);
    expect(state.notice).toEqual({ kind: "notice", text: "Published." });
  });

  it("a failed transition shows its error and merges its field errors", () => {
    const state = run(start(), { type: "failed", message: "Choose a date in the future.", fieldErrors: { publishAt: ["Choose a date in the future."] } });
    expect(state).toMatchObject({ notice: { kind: "error", text: "Choose a date in the future." }, fieldErrors: { publishAt: ["Choose a date in the future."] }, status: "saved" });
  });

  it("publishAtEdited and notify change only what they name", () => {
    const state = run(start(), { type: "publishAtEdited", value: "2030-01-01T09:00" }, { type: "notify", notice: { kind: "notice", text: "Draft saved." } });
    expect(state).toMatchObject({ publishAt: "2030-01-01T09:00", notice: { text: "Draft saved." }, status: "saved" });
    expect(run(state, { type: "notify", notice: null }).notice).toBeNull();
  });

  it("loaded (discard, restore) replaces the text and counts it as saved", () => {
    const state = run(start(), typed("Thrown away."), { type: "loaded", fields: fields({ body: "Live text." }), post: { version: 7 }, notice: null });
    expect(state).toMatchObject({ status: "saved", post: { version: 7 }, fields: { body: "Live text." } });
    expect(isDirty(state)).toBe(false);
  });
});

describe("retryDelay", () => {
  it("doubles from 2 s and stops at 30 s", () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(retryDelay)).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
});
