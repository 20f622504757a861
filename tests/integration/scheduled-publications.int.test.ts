import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { watchScheduledPublications } from "@/lib/posts/scheduled-publications";
import { ALL_PUBLIC_PAGES_TAG } from "@/lib/cache/revalidate";
import { createTestPost, createTestUser } from "@/tests/support/factories";

const published: number[] = [];
const watcher = watchScheduledPublications({ onPublished: () => published.push(Date.now()) });
afterAll(() => watcher.stop());

async function lastRevalidation(): Promise<bigint | null> {
  const row = await db().cacheTagRevalidation.findUnique({ where: { tag: ALL_PUBLIC_PAGES_TAG } });
  return row?.revalidatedAtMs ?? null;
}

describe("scheduled publications", () => {
  it("[AUTHOR] a scheduled post expires the public pages on every instance when its time comes, without polling", async () => {
    await watcher.ready;
    const author = await createTestUser({ role: "AUTHOR" });
    const dueAt = new Date(Date.now() + 1500);
    await createTestPost({ author, publish: dueAt });

    // The instance heard of it through NOTIFY and waits for it.
    await expect.poll(() => watcher.pending().map((d) => d.getTime())).toContain(dueAt.getTime());
    const firedBefore = published.length;
    const before = await lastRevalidation();
    expect(before === null || before < BigInt(dueAt.getTime())).toBe(true);

    await expect.poll(() => published.length, { timeout: 5000, interval: 100 }).toBe(firedBefore + 1);
    expect(published.at(-1)!).toBeGreaterThanOrEqual(dueAt.getTime());
    expect((await lastRevalidation())! >= BigInt(dueAt.getTime())).toBe(true);
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
