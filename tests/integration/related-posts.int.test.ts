import { describe, expect, it } from "vitest";
import { createTestCategory, createTestPost, createTestTag, createTestUser } from "@/tests/support/factories";
import { relatedPosts } from "@/lib/posts/related-posts";

const days = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("related articles", () => {
  it("[READER] prefers shared tags, then the same section, then the newest", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const section = await createTestCategory();
    const other = await createTestCategory();
    const [t1, t2, t3] = await Promise.all([createTestTag(), createTestTag(), createTestTag()]);
    const twoTags = await createTestPost({ author, input: { title: "Two shared tags", categoryId: other.id, tagIds: [t1.id, t2.id] }, publish: days(30) });
    const oneTagSameSection = await createTestPost({ author, input: { title: "One tag, same section", categoryId: section.id, tagIds: [t3.id] }, publish: days(20) });
    const oneTag = await createTestPost({ author, input: { title: "One tag", categoryId: other.id, tagIds: [t1.id] }, publish: days(10) });
    const sameSection = await createTestPost({ author, input: { title: "Same section only", categoryId: section.id }, publish: days(5) });
    const draftWithAllTags = await createTestPost({ author, input: { title: "Draft", categoryId: section.id, tagIds: [t1.id, t2.id, t3.id] } });
    const me = await createTestPost({ author, input: { title: "The article", categoryId: section.id, tagIds: [t1.id, t2.id, t3.id] }, publish: days(1) });

    const related = await relatedPosts({ id: me.id, categoryId: section.id, tagIds: [t1.id, t2.id, t3.id] }, 4);
    // Scores: twoTags 4, oneTagSameSection 3, oneTag 2, sameSection 1.
    expect(related.map((p) => p.id)).toEqual([twoTags.id, oneTagSameSection.id, oneTag.id, sameSection.id]);
    expect(related.map((p) => p.id)).not.toContain(draftWithAllTags.id);
    expect(related.map((p) => p.id)).not.toContain(me.id);

    // The public article page ranks it from the slug, in the query that finds the article: the same block.
    expect((await relatedPosts({ publicSlug: me.slug }, 4)).map((p) => p.id)).toEqual(related.map((p) => p.id));
    // A slug readers cannot see (a draft), or none at all, gets no block.
    expect(await relatedPosts({ publicSlug: draftWithAllTags.slug }, 4)).toEqual([]);
    expect(await relatedPosts({ publicSlug: "no-such-article" }, 4)).toEqual([]);
  });

  it("[READER] without shared tags, falls back to the newest article in the section", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const section = await createTestCategory();
    const older = await createTestPost({ author, input: { title: "Older in section", categoryId: section.id }, publish: days(9) });
    const newer = await createTestPost({ author, input: { title: "Newer in section", categoryId: section.id }, publish: days(3) });
    const me = await createTestPost({ author, input: { title: "Lonely", categoryId: section.id }, publish: days(1) });
    const related = await relatedPosts({ id: me.id, categoryId: section.id, tagIds: [] }, 2);
    expect(related.map((p) => p.id)).toEqual([newer.id, older.id]);
    expect((await relatedPosts({ publicSlug: me.slug }, 2)).map((p) => p.id)).toEqual([newer.id, older.id]);
  });

  it("[READER] without tags or a section, suggests the newest articles overall", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const newest = await createTestPost({ author, input: { title: "Newest anywhere" }, publish: new Date(Date.now() - 1000) });
    const me = await createTestPost({ author, input: { title: "No section" }, publish: days(2) });
    const [first] = await relatedPosts({ id: me.id, categoryId: null, tagIds: [] }, 1);
    expect(first?.id).toBe(newest.id);
    expect((await relatedPosts({ publicSlug: me.slug }, 1)).map((p) => p.id)).toEqual([newest.id]);
  });
});
