import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase, unseen } from "@/lib/use-case";
import { formAction, routeHandler, serverAction } from "@/lib/actions/use-case-adapters";
import { ALL_PUBLIC_PAGES_TAG, pageTag } from "@/lib/cache/page-tags";
import { refreshPublicPages } from "@/lib/cache/refresh-public-pages";
import { readerEffect } from "@/lib/cache/reader-effect";
import { revalidateForReadersOutsideNext } from "@/lib/cache/revalidate";
import { createTerm } from "@/lib/taxonomy/create-term";
import { updateProfile } from "@/lib/users/update-profile";
import { uploadMedia } from "@/lib/media/upload-media";
import { createTestUser, makeImageBytes, uniqueId } from "@/tests/support/factories";

/**
 * The one adapter (lib/actions/use-case-adapters.ts) with an injected actor:
 * it refuses anonymous callers, parses with the use case's own schema, maps
 * errors, and hands the effect to the page cache. Outside a Next request
 * revalidateForReaders falls back to recording the tags in
 * "CacheTagRevalidation" (and notifying every instance), which is what we watch.
 */
const anonymous = async () => null;

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
}

async function revalidatedTags(tags: string[], timeoutMs = 5_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await db().cacheTagRevalidation.findMany({ where: { tag: { in: tags } }, select: { tag: true } });
    if (rows.length === tags.length || Date.now() > deadline) return rows.map((r) => r.tag).sort();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const boom = defineUseCase({
  id: "test.boom",
  input: z.object({ detail: z.string() }),
  permission: null,
  async run(_actor, { detail }) {
    throw new Error(`database password is ${detail}`);
  },
});

afterEach(() => vi.restoreAllMocks());

describe("use case adapters", () => {
  it("[ANONYMOUS] is refused with UNAUTHENTICATED by every adapter, and nothing is created", async () => {
    const name = `Tag ${uniqueId()}`;
    const viaServer = await serverAction(createTerm, { actor: anonymous })({ kind: "tag", name });
    expect(viaServer).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const viaForm = await formAction(createTerm, { actor: anonymous })(null, form({ kind: "tag", name }));
    expect(viaForm).toMatchObject({ ok: false });
    const request = new Request("http://localhost:3000/api/test", { method: "POST", headers: { origin: "http://localhost:3000", "content-type": "application/json" }, body: JSON.stringify({ kind: "tag", name }) });
    const viaRoute = await routeHandler(createTerm, { actor: anonymous })(request, {});
    expect(viaRoute.status).toBe(401);
    expect(await db().tag.count({ where: { name } })).toBe(0);
  });

  it("[EDITOR] bad input is INVALID with the field errors of the use case's own schema", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const result = await serverAction(createTerm, { actor: async () => editor })({ kind: "tag", name: "   " });
    expect(result).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { name: ["Enter a name."] } });
    const state = await formAction(createTerm, { actor: async () => editor })(null, form({ kind: "shelf", name: "Fine" }));
    expect(state?.ok).toBe(false);
    expect(state?.fieldErrors?.kind).toHaveLength(1);
  });

  it("[READER] an AppError keeps its code (FORBIDDEN) and its message", async () => {
    const reader = await createTestUser();
    const result = await serverAction(createTerm, { actor: async () => reader })({ kind: "tag", name: `Tag ${uniqueId()}` });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN", error: "You don't have permission to do that." });
    const editor = await createTestUser({ role: "EDITOR" });
    const name = `Tag ${uniqueId()}`;
    await createTerm({ actor: editor, input: { kind: "tag", name } });
    const state = await formAction(createTerm, { actor: async () => editor })(null, form({ kind: "tag", name }));
    expect(state).toMatchObject({ ok: false, message: "Another tag already has that name.", fieldErrors: { name: ["Another tag already has that name."] } });
  });

  it("[EDITOR] an unexpected error is logged and answered with the generic message, never its text", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const result = await serverAction(boom, { actor: async () => editor })({ detail: "hunter2" });
    expect(result).toMatchObject({ ok: false, code: "UNEXPECTED" });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    const state = await formAction(boom, { actor: async () => editor })(null, form({ detail: "hunter2" }));
    expect(state?.ok).toBe(false);
    expect(state?.message).not.toContain("hunter2");
    expect(logged).toHaveBeenCalled();
  });

  it("[EDITOR] the use case's effect reaches the page cache: exactly its tags are expired", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const name = `Tag ${uniqueId()}`;
    const after = vi.fn();
    const state = await formAction(createTerm, { actor: async () => editor, after, message: (term) => ({ message: `Created ${term.slug}` }) })(null, form({ kind: "tag", name, slug: "", description: "" }));
    const tag = await db().tag.findFirstOrThrow({ where: { name } });
    expect(state).toEqual({ ok: true, message: `Created ${tag.slug}`, data: undefined });
    expect(after).toHaveBeenCalledOnce();
    expect(await revalidatedTags([pageTag.tagSlug(tag.slug), pageTag.sitemaps])).toEqual([pageTag.sitemaps, pageTag.tagSlug(tag.slug)].sort());
    // Nothing site-wide, nothing about the tag's id (no page shows it yet).
    expect(await db().cacheTagRevalidation.findUnique({ where: { tag: pageTag.tag(tag.id) } })).toBeNull();
  });

  it("[EDITOR] an outcome readers don't see expires nothing", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const marker = uniqueId("mark");
    const quiet = defineUseCase({ id: "test.quiet", input: z.object({ marker: z.string() }), permission: null, run: async (_actor, input) => unseen(input.marker) });
    const before = await db().cacheTagRevalidation.count();
    expect(await serverAction(quiet, { actor: async () => editor })({ marker })).toEqual({ ok: true, data: marker });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db().cacheTagRevalidation.count()).toBe(before);
  });

  it("[SCHEDULER] outside Next, an effect naming more tags than one notification carries is recorded whole", async () => {
    // pg_notify returns void: reading it as rows failed after the first chunk of 40 tags.
    const posts = Array.from({ length: 45 }, () => uniqueId("post"));
    await revalidateForReadersOutsideNext(readerEffect({ posts }));
    const tags = [...posts.map(pageTag.post), pageTag.sitemaps];
    expect(await revalidatedTags(tags, 0)).toEqual([...tags].sort());
  });

  it("[AUTHOR] a server action takes a form with a file: the profile form's fields, checkboxes and avatar as it sends them", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const action = serverAction(updateProfile, { actor: async () => author, present: (user) => ({ displayName: user.displayName }) });
    const data = form({ displayName: "Ada Writer", bio: "Rivers.", commentDigestOffered: "1", commentDigest: "on" });
    data.append("avatar", new File([new Uint8Array(await makeImageBytes("png"))], "me.png", { type: "image/png" }));
    expect(await action(data)).toEqual({ ok: true, data: { displayName: "Ada Writer" } });
    const saved = await db().user.findUniqueOrThrow({ where: { id: author.id }, select: { bio: true, commentDigest: true, avatarMediaId: true } });
    expect(saved).toMatchObject({ bio: "Rivers.", commentDigest: true });
    expect(saved.avatarMediaId).not.toBeNull();
    // An unchecked box sends nothing, an untouched file input an empty file: digest off, avatar kept.
    const again = form({ displayName: "Ada Writer", bio: "Rivers.", commentDigestOffered: "1" });
    again.append("avatar", new File([], ""));
    expect(await action(again)).toMatchObject({ ok: true });
    expect(await db().user.findUniqueOrThrow({ where: { id: author.id }, select: { commentDigest: true, avatarMediaId: true } })).toEqual({ commentDigest: false, avatarMediaId: saved.avatarMediaId });
    const removed = form({ displayName: "Ada Writer", removeAvatar: "on" });
    expect(await action(removed)).toMatchObject({ ok: true });
    expect(await db().user.findUniqueOrThrow({ where: { id: author.id }, select: { avatarMediaId: true, commentDigest: true } })).toEqual({ avatarMediaId: null, commentDigest: false });
    const invalid = await action(form({ displayName: "  " }));
    expect(invalid).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { displayName: ["Enter a display name."] } });
  });

  it("[AUTHOR] a form action keeps the file a form sends (the avatar reaches the use case)", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const action = formAction(updateProfile, { actor: async () => author, message: "Profile saved." });
    const data = form({ displayName: "Ada Writer", bio: "" });
    data.append("avatar", new File([new Uint8Array(await makeImageBytes("png"))], "me.png", { type: "image/png" }));
    expect(await action(null, data)).toEqual({ ok: true, message: "Profile saved.", data: undefined });
    expect((await db().user.findUniqueOrThrow({ where: { id: author.id }, select: { avatarMediaId: true } })).avatarMediaId).not.toBeNull();
    const notAnImage = form({ displayName: "Ada Writer" });
    notAnImage.append("avatar", new File([new TextEncoder().encode("not an image at all")], "me.png", { type: "image/png" }));
    expect(await action(null, notAnImage)).toMatchObject({ ok: false, fieldErrors: { avatar: ["That file is not a JPEG, PNG, WebP or GIF image."] } });
  });

  it("[EDITOR] 'Refresh public pages' expires every public page; readers and other sites are refused", async () => {
    const post = (origin: string) => new Request("http://localhost:3000/api/cache/revalidate", { method: "POST", headers: { origin } });
    const reader = await createTestUser();
    expect((await routeHandler(refreshPublicPages, { actor: async () => reader, input: async () => ({}) })(post("http://localhost:3000"), {})).status).toBe(403);
    const editor = await createTestUser({ role: "EDITOR" });
    const refresh = routeHandler(refreshPublicPages, { actor: async () => editor, input: async () => ({}) });
    expect((await refresh(post("https://evil.example"), {})).status).toBe(403);
    const before = (await db().cacheTagRevalidation.findUnique({ where: { tag: ALL_PUBLIC_PAGES_TAG } }))?.revalidatedAtMs ?? 0n;
    const response = await refresh(post("http://localhost:3000"), {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
    await expect.poll(async () => (await db().cacheTagRevalidation.findUnique({ where: { tag: ALL_PUBLIC_PAGES_TAG } }))?.revalidatedAtMs ?? 0n).toBeGreaterThan(before);
  });

  it("[AUTHOR] uploads an image through the route adapter; [READER] is refused before the body is read", async () => {
    const formInput = async (request: Request) => Object.fromEntries((await request.formData()).entries());
    const author = await createTestUser({ role: "AUTHOR" });
    const body = new FormData();
    body.set("altText", "A tram");
    body.set("file", new File([new Uint8Array(await makeImageBytes("png"))], "tram.png", { type: "image/png" }));
    const upload = routeHandler(uploadMedia, { actor: async () => author, input: formInput, status: 201, present: (image) => ({ image }) });
    const response = await upload(new Request("http://localhost:3000/api/uploads", { method: "POST", headers: { origin: "http://localhost:3000" }, body }), {});
    expect(response.status).toBe(201);
    const { image } = (await response.json()) as { image: { id: string; altText: string } };
    expect(await db().media.findUniqueOrThrow({ where: { id: image.id }, select: { altText: true, uploaderId: true } })).toEqual({ altText: "A tram", uploaderId: author.id });
    const empty = new FormData();
    empty.set("file", new File([], ""));
    const missing = await upload(new Request("http://localhost:3000/api/uploads", { method: "POST", headers: { origin: "http://localhost:3000" }, body: empty }), {});
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ code: "INVALID", fieldErrors: { file: ["Choose an image to upload."] } });

    const reader = await createTestUser();
    let read = false;
    const refused = await routeHandler(uploadMedia, { actor: async () => reader, input: async () => ((read = true), {}) })(new Request("http://localhost:3000/api/uploads", { method: "POST", headers: { origin: "http://localhost:3000" } }), {});
    expect(refused.status).toBe(403);
    expect(read).toBe(false);
  });
});
