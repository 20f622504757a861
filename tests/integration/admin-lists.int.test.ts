import { describe, expect, it } from "vitest";
import { createTestComment, createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";
import { listMyPosts, MY_POSTS_PER_PAGE } from "@/lib/posts/list-my-posts";
import { listUsers } from "@/lib/users/list-users";
import { listCommentsForModeration } from "@/lib/comments/list-comments-for-moderation";

/** The admin and dashboard lists read a page of ids, then counts for those rows only. */
describe("admin and dashboard lists", () => {
  it("[AUTHOR] My Posts pages follow the newest edit, hold only the author's posts and do not overlap", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const other = await createTestUser({ role: "AUTHOR" });
    await createTestPost({ author: other });
    const created = [];
    for (let i = 0; i < MY_POSTS_PER_PAGE + 3; i++) created.push(await createTestPost({ author, input: { title: `Mine ${i} ${uniqueId()}` } }));
    const first = await listMyPosts(author, { page: 1 });
    const second = await listMyPosts(author, { page: 2 });
    expect(first.total).toBe(MY_POSTS_PER_PAGE + 3);
    expect(first.pages).toBe(2);
    expect(first.posts).toHaveLength(MY_POSTS_PER_PAGE);
    expect(second.posts).toHaveLength(3);
    const ids = [...first.posts, ...second.posts].map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(created.map((p) => p.id).sort());
    const times = [...first.posts, ...second.posts].map((p) => p.updatedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("[ADMIN] the users list counts posts and comments of the users shown", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const writer = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author: writer, publish: true });
    await createTestPost({ author: writer });
    await createTestComment({ postId: post.id, author: writer });
    const { users } = await listUsers(admin, { q: writer.username, page: 1 });
    expect(users).toHaveLength(1);
    expect(users[0]!._count).toEqual({ posts: 2, comments: 1 });
  });

  it("[EDITOR] the moderation list shows each comment's open reports", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const writer = await createTestUser({ role: "AUTHOR" });
    const post = await createTestPost({ author: writer, publish: true });
    const commenter = await createTestUser();
    await createTestComment({ postId: post.id, author: commenter, status: "APPROVED" });
    const { comments, total, totalCapped } = await listCommentsForModeration(editor, { tab: "approved", page: 1, user: commenter.username });
    expect(total).toBe(1);
    expect(totalCapped).toBe(false);
    expect(comments[0]!._count.reports).toBe(0);
  });
});
