import { describe, expect, it } from "vitest";
import { isNoEffect, isVisibleToReaders, mergeEffects, NO_EFFECT, postReaderEffect, SITE_WIDE_EFFECT, type PostReaderState } from "@/lib/cache/reader-effect";
import { ALL_PUBLIC_PAGES_TAG, pageTag, tagsForEffect } from "@/lib/cache/page-tags";

const now = new Date("2026-11-26T12:00:00Z");
const hourAgo = new Date("2026-11-26T11:00:00Z");
const live: PostReaderState = { id: "p1", slug: "a-story", status: "PUBLISHED", publishedAt: hourAgo, hiddenAt: null, featured: false, authorId: "u1", categoryId: "c1", tagIds: ["t1", "t2"] };
const draft: PostReaderState = { ...live, status: "DRAFT", publishedAt: null };

describe("effect on readers", () => {
  it("visible to readers: published, due, not hidden", () => {
    expect(isVisibleToReaders(live, now)).toBe(true);
    expect(isVisibleToReaders(draft, now)).toBe(false);
    expect(isVisibleToReaders({ ...live, publishedAt: new Date("2026-11-27T00:00:00Z") }, now)).toBe(false);
    expect(isVisibleToReaders({ ...live, hiddenAt: hourAgo }, now)).toBe(false);
  });

  it("a draft edited, or scheduled for later, changes nothing readers see", () => {
    expect(postReaderEffect(draft, { ...draft, slug: "other" }, { now })).toEqual(NO_EFFECT);
    expect(postReaderEffect(draft, { ...live, publishedAt: new Date("2026-12-01T00:00:00Z") }, { now })).toEqual(NO_EFFECT);
  });

  it("publishing expires the article address and every list the post joins", () => {
    const effect = postReaderEffect(draft, live, { now });
    expect(effect.posts).toEqual(["p1"]);
    expect(effect.slugs).toEqual(["a-story"]);
    expect(new Set(effect.lists)).toEqual(new Set(["home", "author:u1", "section:c1", "tag:t1", "tag:t2"]));
  });

  it("unpublishing or hiding expires the lists it leaves", () => {
    expect(new Set(postReaderEffect(live, draft, { now }).lists)).toEqual(new Set(["home", "author:u1", "section:c1", "tag:t1", "tag:t2"]));
    expect(postReaderEffect(live, { ...live, hiddenAt: now }, { now }).lists).toContain("home");
  });

  it("moving a live post to another section expires both sections, and only the lists involved", () => {
    const effect = postReaderEffect(live, { ...live, categoryId: "c2", tagIds: ["t1"] }, { now });
    expect(effect.lists).toEqual(expect.arrayContaining(["section:c1", "section:c2", "tag:t2"]));
  });

  it("a content edit of a live post expires its pages, not the lists; no change expires nothing", () => {
    expect(postReaderEffect(live, { ...live }, { now })).toEqual({ ...NO_EFFECT, posts: ["p1"] });
    expect(postReaderEffect(live, { ...live }, { now, contentChanged: false })).toEqual(NO_EFFECT);
    const renamed = postReaderEffect(live, { ...live, slug: "new-slug" }, { now, contentChanged: false });
    expect(renamed.slugs).toEqual(["a-story", "new-slug"]);
  });

  it("merges without repeats, and knows an empty effect", () => {
    const merged = mergeEffects(postReaderEffect(draft, live, { now }), postReaderEffect(draft, live, { now }));
    expect(merged.posts).toEqual(["p1"]);
    expect(isNoEffect(NO_EFFECT)).toBe(true);
    expect(isNoEffect(merged)).toBe(false);
  });
});

describe("tags for an effect", () => {
  it("names each thing once, plus the sitemaps; nothing for no effect; everything for the site", () => {
    expect(tagsForEffect(NO_EFFECT)).toEqual([]);
    expect(tagsForEffect(SITE_WIDE_EFFECT)).toEqual([ALL_PUBLIC_PAGES_TAG]);
    const tags = tagsForEffect(postReaderEffect(draft, live, { now }));
    expect(tags).toEqual(expect.arrayContaining([pageTag.post("p1"), pageTag.slug("a-story"), pageTag.list("home"), pageTag.list("tag:t2"), pageTag.sitemaps]));
    expect(new Set(tags).size).toBe(tags.length);
  });
});
