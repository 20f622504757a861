import { describe, expect, it } from "vitest";
import { createTestCategory, createTestPost, createTestTag, createTestUser, setTestPublishedAt } from "@/tests/support/factories";
import { relatedPosts } from "@/lib/posts/related-posts";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { db } from "@/lib/db";

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

  it("[READER] a tag's links carry their post's publication date whoever writes it (database triggers), so a tag's newest posts come from its links", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const [t1, t2] = await Promise.all([createTestTag(), createTestTag()]);
    const links = (postId: string) =>
      db().$queryRaw<{ tagId: string; linked: Date | null; post: Date | null }[]>`
        SELECT pt."tagId", pt."publishedAt" AS linked, p."publishedAt" AS post FROM "PostTag" pt JOIN "Post" p ON p.id = pt."postId" WHERE pt."postId" = ${postId} ORDER BY pt."tagId"`;
    const expectFollows = async (postId: string, count: number) => {
      const rows = await links(postId);
      expect(rows).toHaveLength(count);
      for (const row of rows) expect(row.linked?.getTime() ?? null).toBe(row.post?.getTime() ?? null);
    };

    const draft = await createTestPost({ author, input: { title: "Tagged draft", tagIds: [t1.id, t2.id] } });
    await expectFollows(draft.id, 2);
    expect((await links(draft.id))[0]!.linked).toBeNull();

    const published = await createTestPost({ author, input: { title: "Tagged and published", tagIds: [t1.id] }, publish: days(3) });
    await expectFollows(published.id, 1);
    expect((await links(published.id))[0]!.linked).not.toBeNull();
    await setTestPublishedAt(published.id, days(40)); // any writer of the post's date
    await expectFollows(published.id, 1);
    await unpublishPost({ actor: author, input: { postId: published.id } });
    await expectFollows(published.id, 1);

    // A link written by hand (an import, bulk SQL) with another date, or none, gets the post's.
    const other = await createTestPost({ author, input: { title: "Linked by hand" }, publish: days(2) });
    await db().$executeRaw`INSERT INTO "PostTag" ("postId", "tagId", "publishedAt") VALUES (${other.id}, ${t1.id}, '2001-01-01'), (${other.id}, ${t2.id}, NULL)`;
    await expectFollows(other.id, 2);
    await db().$executeRaw`UPDATE "PostTag" SET "publishedAt" = '2001-01-01' WHERE "postId" = ${other.id}`;
    await expectFollows(other.id, 2);

    // So the related block ranks by the links: the hand-linked post shares both tags.
    const me = await createTestPost({ author, input: { title: "Reader of both tags", tagIds: [t1.id, t2.id] }, publish: days(1) });
    expect((await relatedPosts({ publicSlug: me.slug }, 1)).map((p) => p.id)).toEqual([other.id]);
  });
});
