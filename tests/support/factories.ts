import crypto from "node:crypto";
import { createUser } from "@/lib/users/create-user";
import { createPost, type PostContentInput } from "@/lib/posts/create-post";
import { publishPost } from "@/lib/posts/publish-post";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/generated/prisma/enums";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { createComment } from "@/lib/comments/create-comment";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { createTerm } from "@/lib/taxonomy/create-term";

/** Test data through the domain layer, with unique values so tests never collide. */
export const TEST_PASSWORD = "correct-horse-battery-staple-42";

export function uniqueId(prefix = "t"): string {
  return `${prefix}${crypto.randomBytes(5).toString("hex")}`;
}

export async function createTestUser(options: { role?: Role; displayName?: string; password?: string } = {}): Promise<Actor & { email: string }> {
  const username = uniqueId("u");
  const user = await createUser({
    email: `${username}@example.test`,
    username,
    displayName: options.displayName ?? `Test ${username}`,
    password: options.password ?? TEST_PASSWORD,
    role: options.role ?? "READER",
  });
  return { id: user.id, role: user.role, username: user.username, displayName: user.displayName, email: user.email };
}

export async function createTestPost(options: {
  author: Actor;
  input?: Partial<PostContentInput>;
  publish?: boolean | Date;
}) {
  const post = await createPost({ actor: options.author, input: { title: `Post ${uniqueId()}`, body: "Some *text*.", ...options.input } });
  if (!options.publish) return post;
  return publishPost({ actor: options.author, input: { postId: post.id, publishAt: options.publish instanceof Date ? options.publish : undefined } });
}

let editor: Promise<Actor> | undefined;

/** One editor per test file for the steps only editors take (sections, tags, review decisions, moderation). */
export function testEditor(): Promise<Actor> {
  editor ??= createTestUser({ role: "EDITOR" });
  return editor;
}

/** A section, created the way an editor does (lib/taxonomy/create-term.ts). */
export async function createTestCategory(options: { name?: string; description?: string } = {}) {
  const slug = uniqueId("cat-");
  return createTerm({ actor: await testEditor(), input: { kind: "category", name: options.name ?? `Section ${slug}`, slug, description: options.description ?? "" } });
}

export async function createTestTag(options: { name?: string } = {}) {
  const slug = uniqueId("tag-");
  return createTerm({ actor: await testEditor(), input: { kind: "tag", name: options.name ?? `Tag ${slug}`, slug } });
}

/**
 * Moves a post's publication time (the past for sitemaps and "scheduled time
 * has passed"). Time travel, not a transition: no use case sets an arbitrary
 * past publication time, so this writes the column through lib/db.
 */
export async function setTestPublishedAt(postId: string, publishedAt: Date) {
  const { db } = await import("@/lib/db");
  return db().post.update({ where: { id: postId }, data: { publishedAt } });
}

/** A post written by `author` (a contributor by default) and submitted for review. */
export async function createInReviewPost(options: { author: Actor; input?: Partial<PostContentInput> }) {
  const post = await createTestPost({ author: options.author, input: options.input });
  return submitForReview({ actor: options.author, input: { postId: post.id } });
}

/**
 * A comment on a published post, by a fresh reader unless `author` is given
 * (comments are rate limited per user). `status` other than the natural one is
 * reached through moderation by a test editor.
 */
export async function createTestComment(options: { postId: string; author?: Actor; body?: string; status?: "PENDING" | "APPROVED" | "REJECTED" | "SPAM" }) {
  const author = options.author ?? (await createTestUser());
  const { comment } = await createComment({ actor: author, input: { postId: options.postId, body: options.body ?? `A comment ${uniqueId()}` } });
  if (options.status && options.status !== comment.status) {
    const decision = ({ APPROVED: "approve", REJECTED: "reject", SPAM: "spam" } as const)[options.status as "APPROVED" | "REJECTED" | "SPAM"];
    if (!decision) throw new Error(`A comment cannot be moved back to ${options.status}`);
    await moderateComments({ actor: await testEditor(), input: { commentIds: [comment.id], decision } });
    return { ...comment, status: options.status, author };
  }
  return { ...comment, author };
}

/** Real image bytes, made with sharp (a gradient-free solid block is enough for type checks). */
export async function makeImageBytes(format: "jpeg" | "png" | "webp" | "gif", options: { width?: number; height?: number } = {}): Promise<Buffer> {
  const sharp = (await import("sharp")).default;
  const image = sharp({ create: { width: options.width ?? 64, height: options.height ?? 48, channels: 3, background: { r: 200, g: 80, b: 40 } } });
  return image.toFormat(format).toBuffer();
}

/** An actor object for the same user with a different role (tests of "own post" rules per role). */
export function asRole<T extends Actor>(actor: T, role: Role): T {
  return { ...actor, role };
}
