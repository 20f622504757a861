import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Readers see only the live version of a post: the modules behind public pages
 * (articles, lists, search, feeds, sitemap, related blocks, author/section/tag
 * pages) read Post alone and never a working copy (lib/posts/working-copy.ts).
 * The behaviour is proved against PostgreSQL in working-copies.int.test.ts;
 * this keeps it true by construction as those modules change.
 */
const PUBLIC_MODULES = [
  "lib/posts/public-posts.ts",
  "lib/posts/public-article.ts",
  "lib/posts/public-taxonomy.ts",
  "lib/posts/search-posts.ts",
  "lib/posts/related-posts.ts",
  "lib/feeds/build-feed.ts",
  "lib/seo/sitemap.ts",
  "lib/seo/metadata.ts",
];

describe("public queries", () => {
  it.each(PUBLIC_MODULES)("[READER] %s never reads a working copy", (file) => {
    const source = fs.readFileSync(path.resolve(import.meta.dirname, "../..", file), "utf8");
    expect(source).not.toMatch(/workingCopy|WorkingCopy|working-copy/);
  });
});
