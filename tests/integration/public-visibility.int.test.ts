import { beforeAll, describe, expect, it } from "vitest";
import Parser from "rss-parser";
import { createTestCategory, createTestPost, createTestTag, createInReviewPost, createTestUser, setTestPublishedAt, testEditor, uniqueId } from "@/tests/support/factories";
import { listPublishedPosts, featuredPost } from "@/lib/posts/public-posts";
import { publicArticle } from "@/lib/posts/public-article";
import { searchPublishedPosts } from "@/lib/posts/search-posts";
import { buildRssFeed } from "@/lib/feeds/build-feed";
import { pageSitemapEntries, postSitemapChunks, postSitemapEntries, newsSitemapEntries } from "@/lib/seo/sitemap";
import { publicAuthorByUsername } from "@/lib/posts/public-taxonomy";
import { relatedPosts } from "@/lib/posts/related-posts";
import { submitForReview } from "@/lib/posts/submit-for-review";
import { rejectPost } from "@/lib/review/reject-post";
import { archivePost } from "@/lib/posts/editorial/archive-post";
import { setPostFeatured } from "@/lib/posts/editorial/set-post-featured";
import { setPostHidden } from "@/lib/posts/editorial/set-post-hidden";

/**
 * Every state but "published with a past date, not hidden" is invisible to
 * readers everywhere: article page, lists, search, feeds, sitemap, related.
 */
const word = uniqueId("zebrafinch");
let category: { id: string; slug: string };
let tag: { id: string; slug: string };
let visible: { id: string; slug: string };
const invisible: Record<string, { id: string; slug: string }> = {};
let hiddenOnlyAuthor: { username: string };

beforeAll(async () => {
  category = await createTestCategory();
  tag = await createTestTag();
  const author = await createTestUser({ role: "AUTHOR" });
  const contributor = await createTestUser({ role: "CONTRIBUTOR" });
  const input = (label: string) => ({ title: `${label} ${word}`, body: `Body about ${word}.`, categoryId: category.id, tagIds: [tag.id] });
  visible = await createTestPost({ author, input: input("Visible"), publish: true });
  invisible.DRAFT = await createTestPost({ author, input: input("Draft") });
  const inReview = await createTestPost({ author: contributor, input: input("In review") });
  await submitForReview({ actor: contributor, input: { postId: inReview.id } });
  invisible.IN_REVIEW = inReview;
  const editor = await testEditor();
  invisible.REJECTED = await createInReviewPost({ author: contributor, input: input("Rejected") });
  await rejectPost({ actor: editor, input: { postId: invisible.REJECTED.id, reason: "Not for us." } });
  invisible.ARCHIVED = await createTestPost({ author, input: input("Archived"), publish: true });
  await archivePost({ actor: editor, input: { postId: invisible.ARCHIVED.id } });
  invisible.SCHEDULED = await createTestPost({ author, input: input("Scheduled"), publish: new Date(Date.now() + 86_400_000) });
  invisible.HIDDEN = await createTestPost({ author, input: input("Hidden"), publish: true });
  // Featured, then hidden: hiding must win over the home page's lead slot.
  await setPostFeatured({ actor: editor, input: { postId: invisible.HIDDEN.id, featured: true } });
  await setPostHidden({ actor: editor, input: { postId: invisible.HIDDEN.id, hidden: true } });
  // An author whose only published post is scheduled has no public page yet.
  const newcomer = await createTestUser({ role: "AUTHOR" });
  await createTestPost({ author: newcomer, input: input("Newcomer scheduled"), publish: new Date(Date.now() + 86_400_000) });
  hiddenOnlyAuthor = newcomer;
});

const states = ["DRAFT", "IN_REVIEW", "REJECTED", "ARCHIVED", "SCHEDULED", "HIDDEN"] as const;

describe("visibility of non-public posts", () => {
  it("[SETUP] the in-review post really is in review", async () => {
    const { db } = await import("@/lib/db");
    const row = await db().post.findUniqueOrThrow({ where: { id: invisible.IN_REVIEW!.id } });
    expect(row.status).toBe("IN_REVIEW");
  });

  it("[READER] sees the published article", async () => {
    expect((await publicArticle(visible.slug)).kind).toBe("article");
  });

  it.each(states)("[READER] gets nothing at the article address of a %s post", async (state) => {
    expect((await publicArticle(invisible[state]!.slug)).kind).toBe("missing");
  });

  it("[READER] lists, section, tag and home lead show only the published post", async () => {
    const lists = await Promise.all([
      listPublishedPosts({ list: { kind: "section", sectionId: category.id }, page: 1, perPage: 100 }),
      listPublishedPosts({ list: { kind: "tag", tagId: tag.id }, page: 1, perPage: 100 }),
    ]);
    for (const list of lists) {
      expect(list.posts.map((p) => p.id)).toEqual([visible.id]);
      expect(list.total).toBe(1);
    }
    const lead = await featuredPost();
    expect(lead?.id).not.toBe(invisible.HIDDEN!.id);
  });

  it("[READER] search finds only the published post", async () => {
    const result = await searchPublishedPosts({ query: word });
    expect(result.hits.map((h) => h.id)).toEqual([visible.id]);
    expect(result.total).toBe(1);
  });

  it("[READER] site and section feeds carry only the published post", async () => {
    const parser = new Parser();
    for (const xml of [await buildRssFeed(), await buildRssFeed({ categorySlug: category.slug })]) {
      const feed = await parser.parseString(xml!);
      const links = feed.items.map((i) => i.link ?? "");
      expect(links.some((l) => l.endsWith(`/posts/${visible.slug}`))).toBe(true);
      for (const state of states) expect(links.some((l) => l.endsWith(`/posts/${invisible[state]!.slug}`))).toBe(false);
    }
  });

  it("[READER] the sitemaps list only the published post", async () => {
    const files = (await postSitemapChunks()).length;
    const posts = await Promise.all(Array.from({ length: files }, (_, i) => postSitemapEntries(i + 1)));
    const urls = [...posts.flatMap((entries) => entries ?? []), ...(await pageSitemapEntries()), ...(await newsSitemapEntries())].map((e) => e.url);
    expect(urls.some((u) => u.endsWith(`/posts/${visible.slug}`))).toBe(true);
    for (const state of states) expect(urls.some((u) => u.endsWith(`/posts/${invisible[state]!.slug}`))).toBe(false);
  });

  it("[READER] related articles never suggest a non-public post", async () => {
    const related = await relatedPosts({ id: "none", categoryId: category.id, tagIds: [tag.id] }, 50);
    const ids = related.map((p) => p.id);
    expect(ids).toContain(visible.id);
    for (const state of states) expect(ids).not.toContain(invisible[state]!.id);
  });

  it("[READER] an author without a public article has no author page", async () => {
    expect(await publicAuthorByUsername(hiddenOnlyAuthor.username)).toBeNull();
  });

  it("[READER] a post becomes visible once its scheduled time has passed", async () => {
    await setTestPublishedAt(invisible.SCHEDULED!.id, new Date(Date.now() - 1000));
    expect((await publicArticle(invisible.SCHEDULED!.slug)).kind).toBe("article");
  });
});
