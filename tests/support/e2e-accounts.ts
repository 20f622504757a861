import crypto from "node:crypto";
import { createUser } from "@/lib/users/create-user";
import { createPost } from "@/lib/posts/create-post";
import { publishPost } from "@/lib/posts/publish-post";
import { disconnectDb } from "@/lib/db";
import type { Role } from "@/generated/prisma/enums";

/**
 * Creates fresh accounts for the end-to-end tests through lib/ (the same use
 * cases the app runs; never SQL, never the shared demo accounts). Run by
 * tests/e2e/fixtures.ts with tsx against the e2e server's DATABASE_URL, because
 * Playwright's own loader cannot import the generated Prisma client.
 *
 *   tsx --conditions=react-server tests/support/e2e-accounts.ts '[{"role":"AUTHOR","publishedPosts":1}]'
 *
 * Prints one JSON array: each account with its password and the slugs of the
 * posts published for it.
 */
export type AccountRequest = { role: Role; displayName?: string; password?: string; publishedPosts?: number };
export type CreatedAccount = { id: string; email: string; username: string; displayName: string; role: Role; password: string; postSlugs: string[] };

async function createAccount(request: AccountRequest): Promise<CreatedAccount> {
  const username = `e2e${crypto.randomBytes(5).toString("hex")}`;
  const password = request.password ?? `tide-${crypto.randomBytes(6).toString("hex")}-lantern`;
  const displayName = request.displayName ?? `Test ${username}`;
  const user = await createUser({ email: `${username}@example.test`, username, displayName, password, role: request.role });
  const actor = { id: user.id, role: user.role, username: user.username, displayName: user.displayName };
  const postSlugs: string[] = [];
  for (let i = 0; i < (request.publishedPosts ?? 0); i++) {
    const post = await createPost({ actor, input: { title: `${displayName}'s article ${i + 1}`, body: `Written by ${displayName} for an end-to-end test.` } });
    postSlugs.push((await publishPost({ actor, input: { postId: post.id } })).slug);
  }
  return { id: user.id, email: user.email, username: user.username, displayName: user.displayName, role: user.role, password, postSlugs };
}

async function main() {
  const requests = JSON.parse(process.argv[2] ?? "[]") as AccountRequest[];
  const accounts: CreatedAccount[] = [];
  for (const request of requests) accounts.push(await createAccount(request));
  process.stdout.write(JSON.stringify(accounts));
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
