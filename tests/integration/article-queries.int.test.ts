import { describe, expect, it } from "vitest";
import pg from "pg";
import { createTestCategory, createTestPost, createTestTag, createTestUser } from "@/tests/support/factories";
import { publicArticle } from "@/lib/posts/public-article";

/**
 * No N+1: counts every statement the app sends to PostgreSQL (through the pg
 * driver under Prisma's adapter) while building an article page.
 */

async function articleWithTags(count: number) {
  const author = await createTestUser({ role: "AUTHOR" });
  const section = await createTestCategory();
  const tags = await Promise.all(Array.from({ length: count }, () => createTestTag()));
  const tagIds = tags.map((t) => t.id);
  // Related candidates sharing every tag, so related lists are full too.
  for (let i = 0; i < 6; i++) await createTestPost({ author, input: { title: `Related ${i}`, categoryId: section.id, tagIds }, publish: new Date(Date.now() - (i + 2) * 60_000) });
  return createTestPost({ author, input: { title: `Article with ${count} tags`, categoryId: section.id, tagIds }, publish: new Date(Date.now() - 60_000) });
}

describe("article page queries", () => {
  it("[READER] an article costs the same number of queries with 1 tag as with 8", async () => {
    const one = await articleWithTags(1);
    const eight = await articleWithTags(8);
    const realQuery = pg.Client.prototype.query;
    const counts: number[] = [];
    for (const post of [one, eight]) {
      const statements: string[] = [];
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const first = args[0];
        const text = typeof first === "string" ? first : ((first as { text?: string } | undefined)?.text ?? "");
        if (!/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(text)) statements.push(text);
        return (realQuery as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof realQuery;
      try {
        const lookup = await publicArticle(post.slug);
        expect(lookup.kind).toBe("article");
        if (lookup.kind === "article") {
          expect(lookup.data.post.tags.length).toBe(post.title.includes("8") ? 8 : 1);
          expect(lookup.data.related.length).toBe(5);
        }
      } finally {
        pg.Client.prototype.query = realQuery;
      }
      counts.push(statements.length);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
    // A small constant (12 today: Prisma loads each relation of the post and of the related cards with one IN query each).
    expect(counts[0]).toBeLessThanOrEqual(12);
  });
});
