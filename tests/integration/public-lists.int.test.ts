import { describe, expect, it } from "vitest";
import { createTestCategory, createTestPost, createTestTag, createTestUser, testEditor } from "@/tests/support/factories";
import { listPublishedPosts, type PublicList } from "@/lib/posts/public-posts";
import { setPostHidden } from "@/lib/posts/editorial/set-post-hidden";

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

describe("public lists (home, section, tag, author)", () => {
  it("[READER] page through each list newest first, with its count, leaving out drafts, hidden, scheduled and excluded posts", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const editor = await testEditor();
    const section = await createTestCategory();
    const tag = await createTestTag();
    // Five public posts in the section with the tag, one a minute apart (oldest first).
    const shown = [];
    for (let i = 5; i >= 1; i--) shown.push(await createTestPost({ author, input: { title: `Listed ${i}`, categoryId: section.id, tagIds: [tag.id] }, publish: minutesAgo(1000 + i) }));
    const newestFirst = shown.map((p) => p.id).reverse();
    await createTestPost({ author, input: { title: "Draft", categoryId: section.id, tagIds: [tag.id] } });
    await createTestPost({ author, input: { title: "Scheduled", categoryId: section.id, tagIds: [tag.id] }, publish: new Date(Date.now() + 86_400_000) });
    const hidden = await createTestPost({ author, input: { title: "Hidden", categoryId: section.id, tagIds: [tag.id] }, publish: minutesAgo(1000) });
    await setPostHidden({ actor: editor, input: { postId: hidden.id, hidden: true } });

    const lists: PublicList[] = [
      { kind: "section", sectionId: section.id },
      { kind: "tag", tagId: tag.id },
      { kind: "author", authorId: author.id },
    ];
    for (const list of lists) {
      const first = await listPublishedPosts({ list, page: 1, perPage: 2 });
      const second = await listPublishedPosts({ list, page: 2, perPage: 2 });
      const third = await listPublishedPosts({ list, page: 3, perPage: 2 });
      expect({ total: first.total, pages: first.pages }).toEqual({ total: 5, pages: 3 });
      expect([...first.posts, ...second.posts, ...third.posts].map((p) => p.id)).toEqual(newestFirst);
      expect(first.posts[0]).toMatchObject({ title: "Listed 1", category: { slug: section.slug }, author: { username: expect.any(String) } });
      expect((await listPublishedPosts({ list, page: 4, perPage: 2 })).posts).toEqual([]);
      const withoutNewest = await listPublishedPosts({ list, page: 1, perPage: 10, excludeIds: [newestFirst[0]!] });
      expect({ total: withoutNewest.total, ids: withoutNewest.posts.map((p) => p.id) }).toEqual({ total: 4, ids: newestFirst.slice(1) });
    }

    // The home list holds them too, in the same order among everything else.
    const home = await listPublishedPosts({ list: { kind: "home" }, page: 1, perPage: 500 });
    const ours = home.posts.map((p) => p.id).filter((id) => newestFirst.includes(id) || id === hidden.id);
    expect(ours).toEqual(newestFirst.filter((id) => home.posts.some((p) => p.id === id)));
    expect(home.total).toBeGreaterThanOrEqual(5);
  });
});
