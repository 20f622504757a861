import { describe, expect, it } from "vitest";
import { NO_EFFECT, SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";
import { createTerm } from "@/lib/taxonomy/create-term";
import { updateTerm } from "@/lib/taxonomy/update-term";
import { deleteTerm } from "@/lib/taxonomy/delete-term";
import { mergeTags } from "@/lib/taxonomy/merge-tags";
import { createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";

/**
 * What each use case tells the page cache readers now see differently
 * (lib/cache/reader-effect.ts): exactly that, and nothing when nothing public changed.
 */
describe("effects on readers: sections and tags", () => {
  it("[EDITOR] creating, renaming, describing or deleting a section is site-wide (the header lists sections); a description shows on its page only", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const name = `Section ${uniqueId()}`;
    const created = await createTerm.execute({ actor: editor, input: { kind: "category", name } });
    expect(created.effect).toEqual(SITE_WIDE_EFFECT);
    const section = created.result;
    const renamed = await updateTerm.execute({ actor: editor, input: { kind: "category", id: section.id, name: `${name} renamed`, slug: section.slug } });
    expect(renamed.effect).toEqual(SITE_WIDE_EFFECT);
    const described = await updateTerm.execute({ actor: editor, input: { kind: "category", id: section.id, name: `${name} renamed`, slug: section.slug, description: "What it covers" } });
    expect(described.effect).toEqual({ ...NO_EFFECT, lists: [`section:${section.id}`] });
    const deleted = await deleteTerm.execute({ actor: editor, input: { kind: "category", id: section.id } });
    expect(deleted.effect).toEqual(SITE_WIDE_EFFECT);
  });

  it("[EDITOR] a new tag expires its address (a cached 404 at /tag/<slug>)", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const { result: tag, effect } = await createTerm.execute({ actor: editor, input: { kind: "tag", name: `Tag ${uniqueId()}` } });
    expect(effect).toEqual({ ...NO_EFFECT, tagSlugs: [tag.slug] });
  });

  it("[EDITOR] renaming a tag's slug names the tag and both addresses (and old ones redirecting to it); a save that changes nothing expires nothing", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const base = uniqueId("tg");
    const tag = await createTerm({ actor: editor, input: { kind: "tag", name: base, slug: `${base}-one` } });
    const first = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-two` } });
    expect(first.effect).toEqual({ ...NO_EFFECT, tags: [tag.id], tagSlugs: [`${base}-one`, `${base}-two`] });
    // /tag/<base>-one redirected to -two; now it redirects to -three.
    const second = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-three` } });
    expect(second.effect.tagSlugs.sort()).toEqual([`${base}-one`, `${base}-three`, `${base}-two`]);
    const described = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-three`, description: "New words" } });
    expect(described.effect).toEqual({ ...NO_EFFECT, tags: [tag.id] });
    const unchanged = await updateTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id, name: base, slug: `${base}-three`, description: "New words" } });
    expect(unchanged.effect).toEqual(NO_EFFECT);
  });

  it("[EDITOR] deleting a tag names it, its address, its list and the live articles that showed it (not drafts)", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const tag = await createTerm({ actor: editor, input: { kind: "tag", name: `Gone ${uniqueId()}` } });
    const live = await createTestPost({ author, input: { tagIds: [tag.id] }, publish: true });
    await createTestPost({ author, input: { tagIds: [tag.id] } });
    const { effect } = await deleteTerm.execute({ actor: editor, input: { kind: "tag", id: tag.id } });
    expect(effect).toEqual({ ...NO_EFFECT, posts: [live.id], tags: [tag.id], tagSlugs: [tag.slug], lists: [`tag:${tag.id}`] });
  });

  it("[EDITOR] merging tags names the source (gone), its articles and both lists", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const source = await createTerm({ actor: editor, input: { kind: "tag", name: `Src ${uniqueId()}` } });
    const target = await createTerm({ actor: editor, input: { kind: "tag", name: `Dst ${uniqueId()}` } });
    const post = await createTestPost({ author, input: { tagIds: [source.id] }, publish: true });
    const { effect } = await mergeTags.execute({ actor: editor, input: { source: source.name, target: target.slug } });
    expect(effect).toEqual({ ...NO_EFFECT, posts: [post.id], tags: [source.id], tagSlugs: [source.slug], lists: [`tag:${source.id}`, `tag:${target.id}`] });
  });
});
