import { beforeAll, describe, expect, it } from "vitest";
import Parser from "rss-parser";
import { createTestCategory, createTestPost, createTestUser } from "@/tests/support/factories";
import { buildRssFeed, FEED_SIZE } from "@/lib/feeds/build-feed";
import { env } from "@/lib/env";

let section: { id: string; slug: string; name: string };
let author: { displayName: string; username: string };
let inSection: { slug: string; title: string };
let elsewhere: { slug: string };

beforeAll(async () => {
  section = await createTestCategory({ description: "Harbour news" });
  const writer = await createTestUser({ role: "AUTHOR", displayName: "Rhea Feedwriter" });
  author = writer;
  inSection = await createTestPost({ author: writer, input: { title: "Ferry timetable <changes> & more", excerpt: "Summary of the changes.", body: "## New times\n\nThe **first** ferry leaves at 6.", categoryId: section.id }, publish: new Date(Date.now() - 1000) });
  elsewhere = await createTestPost({ author: writer, input: { title: "Not in the section" }, publish: new Date(Date.now() - 2000) });
});

const parser = new Parser({ customFields: { item: ["dc:creator", "description", "content:encoded"] } });

describe("RSS feeds", () => {
  it("[READER] the site feed is valid RSS 2.0 with full items", async () => {
    const xml = (await buildRssFeed())!;
    expect(xml).toMatch(/<rss version="2.0"/);
    const feed = await parser.parseString(xml);
    expect(feed.title).toBe(env().SITE_NAME);
    expect(feed.link).toBe(`${env().SITE_URL}/`);
    expect(feed.items.length).toBeLessThanOrEqual(FEED_SIZE);
    const item = feed.items.find((i) => i.link === `${env().SITE_URL}/posts/${inSection.slug}`)!;
    expect(item.title).toBe("Ferry timetable <changes> & more");
    expect(new Date(item.pubDate!).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(item.creator ?? item["dc:creator"]).toContain(author.displayName);
    expect(item.contentSnippet ?? item.content).toContain("Summary of the changes.");
    expect(item["content:encoded"]).toMatch(/<h2 id="h-new-times">New times<\/h2>/);
    expect(JSON.stringify(item.categories)).toContain(section.name);
    // Newest first.
    const dates = feed.items.map((i) => new Date(i.pubDate!).getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
  });

  it("[READER] a section feed carries only that section", async () => {
    const feed = await parser.parseString((await buildRssFeed({ categorySlug: section.slug }))!);
    expect(feed.title).toContain(section.name);
    expect(feed.description).toBe("Harbour news");
    const links = feed.items.map((i) => i.link);
    expect(links).toEqual([`${env().SITE_URL}/posts/${inSection.slug}`]);
    expect(links).not.toContain(`${env().SITE_URL}/posts/${elsewhere.slug}`);
  });

  it("[READER] an unknown section has no feed", async () => {
    expect(await buildRssFeed({ categorySlug: "no-such-section" })).toBeNull();
  });
});
