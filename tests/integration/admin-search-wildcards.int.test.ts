import { describe, expect, it } from "vitest";
import { listUsers } from "@/lib/users/list-users";
import { listEditorialPosts } from "@/lib/posts/editorial/list-editorial-posts";
import { listMyPosts } from "@/lib/posts/list-my-posts";
import { listCommentsForModeration } from "@/lib/comments/list-comments-for-moderation";
import { createTestComment, createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";

/**
 * `%` and `_` typed into an admin search are characters to find, not LIKE
 * wildcards: Prisma's `contains` passes them to PostgreSQL's ILIKE unescaped
 * (checked here against Prisma 7 and PostgreSQL 18).
 */
describe("admin search boxes match % and _ literally", () => {
  it("[ADMIN] searching users for % or _ finds only names that contain them", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const percent = await createTestUser({ displayName: `Ninety${uniqueId()}% Sure` });
    const underscore = await createTestUser({ displayName: `Under_${uniqueId()}` });
    const plain = await createTestUser({ displayName: `Plain ${uniqueId()}` });

    const byPercent = (await listUsers(admin, { q: "%", page: 1 })).users.map((u) => u.id);
    expect(byPercent).toContain(percent.id);
    expect(byPercent).not.toContain(plain.id);
    expect(byPercent).not.toContain(admin.id);

    const byUnderscore = (await listUsers(admin, { q: "_", page: 1 })).users.map((u) => u.id);
    expect(byUnderscore).toContain(underscore.id);
    expect(byUnderscore).not.toContain(plain.id);
    // A literal backslash is a character too (it is LIKE's escape character).
    expect((await listUsers(admin, { q: "\\", page: 1 })).total).toBe(0);
  });

  it("[EDITOR] searching posts and comment authors for % finds only matching titles and names", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR", displayName: `Plain ${uniqueId()}` });
    const percentPost = await createTestPost({ author, input: { title: `Up 40% ${uniqueId()}` }, publish: true });
    const plainPost = await createTestPost({ author, input: { title: `Flat ${uniqueId()}` }, publish: true });

    const editorial = (await listEditorialPosts(editor, { view: "published", q: "%", page: 1 })).posts.map((p) => p.id);
    expect(editorial).toContain(percentPost.id);
    expect(editorial).not.toContain(plainPost.id);

    const mine = (await listMyPosts(author, { q: "%", page: 1 })).posts.map((p) => p.id);
    expect(mine).toEqual([percentPost.id]);

    const commenter = await createTestUser({ displayName: `Reader_${uniqueId()}` });
    const other = await createTestUser({ displayName: `Reader ${uniqueId()}` });
    await createTestComment({ postId: plainPost.id, author: commenter });
    await createTestComment({ postId: plainPost.id, author: other });
    const byUser = (await listCommentsForModeration(editor, { tab: "pending", user: "_", page: 1 })).comments.map((c) => c.author.id);
    expect(byUser).toContain(commenter.id);
    expect(byUser).not.toContain(other.id);
    const byTitle = (await listCommentsForModeration(editor, { tab: "pending", post: "%", page: 1 })).comments;
    expect(byTitle.every((c) => c.post.title.includes("%"))).toBe(true);
  });
});
