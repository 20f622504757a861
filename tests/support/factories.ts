import crypto from "node:crypto";
import { createUser } from "@/lib/users/create-user";
import { createPost, type PostContentInput } from "@/lib/posts/create-post";
import { publishPost } from "@/lib/posts/publish-post";
import type { Actor } from "@/lib/authz/permissions";
import type { Role } from "@/generated/prisma/enums";

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
