import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { watchScheduledPublications } from "@/lib/posts/scheduled-publications";
import { pageTag } from "@/lib/cache/page-tags";
import { createTestPost, createTestUser } from "@/tests/support/factories";

const published: number[] = [];
const watcher = watchScheduledPublications({ onPublished: () => published.push(Date.now()) });
afterAll(() => watcher.stop());

async function lastRevalidation(tag: string): Promise<bigint | null> {
  const row = await db().cacheTagRevalidation.findUnique({ where: { tag } });
  return row?.revalidatedAtMs ?? null;
}

describe("scheduled publications", () => {
  it("[AUTHOR] a scheduled post expires the pages that show it on every instance when its time comes, without polling", async () => {
    await watcher.ready;
    const author = await createTestUser({ role: "AUTHOR" });
    // Published an hour ago (before this instance started applying due publications): not due now.
    const other = await createTestPost({ author: await createTestUser({ role: "AUTHOR" }), publish: new Date(Date.now() - 3_600_000) });
    const dueAt = new Date(Date.now() + 1500);
    const post = await createTestPost({ author, publish: dueAt });

    // The instance heard of it through NOTIFY and waits for it.
    await expect.poll(() => watcher.pending().map((d) => d.getTime())).toContain(dueAt.getTime());
    const firedBefore = published.length;
    const before = await lastRevalidation(pageTag.post(post.id));
    expect(before === null || before < BigInt(dueAt.getTime())).toBe(true);
    const otherBefore = await lastRevalidation(pageTag.post(other.id));

    await expect.poll(() => published.length, { timeout: 5000, interval: 100 }).toBe(firedBefore + 1);
    expect(published.at(-1)!).toBeGreaterThanOrEqual(dueAt.getTime());
    // Its article address, the home page and its author's list expire; an unrelated article does not.
    for (const tag of [pageTag.post(post.id), pageTag.slug(post.slug), pageTag.list("home"), pageTag.list(`author:${author.id}`), pageTag.sitemaps]) {
      expect((await lastRevalidation(tag))! >= BigInt(dueAt.getTime())).toBe(true);
    }
    expect(await lastRevalidation(pageTag.post(other.id))).toBe(otherBefore);
    expect(watcher.pending().map((d) => d.getTime())).not.toContain(dueAt.getTime());
  });

  it("an instance starting later picks up schedules made while it was not listening", async () => {
    const author = await createTestUser({ role: "AUTHOR" });
    const dueAt = new Date(Date.now() + 60 * 60 * 1000);
    await createTestPost({ author, publish: dueAt });
    const late = watchScheduledPublications();
    try {
      await late.ready;
      expect(late.pending().map((d) => d.getTime())).toContain(dueAt.getTime());
    } finally {
      await late.stop();
    }
  });
});
