import { beforeAll, describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { createTestPost, createTestUser, setTestPublishedAt, uniqueId } from "@/tests/support/factories";
import { db } from "@/lib/db";
import { siteSettings } from "@/lib/site-settings/site-settings";
import { publicPostWhere } from "@/lib/posts/public-posts";
import {
  newsSitemapEntries,
  pageSitemapEntries,
  postSitemapChunks,
  postSitemapEntries,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlSet,
  sitemapIndexFiles,
} from "@/lib/seo/sitemap";

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ["sitemap", "url"].includes(name) });

function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml);
}

const HOUR = 3_600_000;
let sameInstant: { id: string; slug: string }[];
let fresh: { slug: string; title: string };
let dayOld: { slug: string };
let threeDaysOld: { slug: string };

beforeAll(async () => {
  const author = await createTestUser({ role: "AUTHOR" });
  // Three posts published at the same instant: file boundaries must fall between them by id.
  const instant = new Date(Date.now() - 10 * 86_400_000);
  sameInstant = [];
  for (let i = 0; i < 3; i++) {
    const post = await createTestPost({ author, publish: true });
    await setTestPublishedAt(post.id, instant);
    sameInstant.push(post);
  }
  fresh = await createTestPost({ author, input: { title: `Tides & “storms” <live> ${uniqueId()}` }, publish: true });
  dayOld = await createTestPost({ author, publish: true });
  await setTestPublishedAt((await db().post.findUniqueOrThrow({ where: { slug: dayOld.slug } })).id, new Date(Date.now() - 24 * HOUR));
  threeDaysOld = await createTestPost({ author, publish: true });
  await setTestPublishedAt((await db().post.findUniqueOrThrow({ where: { slug: threeDaysOld.slug } })).id, new Date(Date.now() - 72 * HOUR));
});

describe("sitemaps", () => {
  it("[READER] post files hold at most the per-file limit and together list every public article once, oldest first", async () => {
    const perFile = 2;
    const chunks = await postSitemapChunks({ perFile });
    const expected = await db().post.findMany({ where: publicPostWhere(), select: { slug: true }, orderBy: [{ publishedAt: "asc" }, { id: "asc" }] });
    expect(chunks).toHaveLength(Math.ceil(expected.length / perFile));
    const listed: string[] = [];
    for (let n = 1; n <= chunks.length; n++) {
      const entries = (await postSitemapEntries(n, { perFile }))!;
      expect(entries.length).toBeGreaterThan(0);
      expect(entries.length).toBeLessThanOrEqual(perFile);
      expect(entries).toHaveLength(chunks[n - 1]!.count);
      listed.push(...entries.map((e) => e.url.replace(/^.*\/posts\//, "")));
    }
    expect(listed).toEqual(expected.map((p) => p.slug));
    for (const post of [...sameInstant, fresh, dayOld, threeDaysOld]) expect(listed.filter((slug) => slug === post.slug)).toHaveLength(1);
    expect(await postSitemapEntries(chunks.length + 1, { perFile })).toBeNull();
    expect(await postSitemapEntries(0, { perFile })).toBeNull();
  });

  it("[READER] the index lists the pages file, every post file and the news file, as valid sitemap XML", async () => {
    const files = await sitemapIndexFiles({ perFile: 2 });
    const chunks = await postSitemapChunks({ perFile: 2 });
    const doc = parse(renderSitemapIndex(files));
    expect(doc.sitemapindex["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    const locs = doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(locs[0]).toMatch(/\/sitemaps\/pages\.xml$/);
    expect(locs.at(-1)).toMatch(/\/sitemaps\/news\.xml$/);
    expect(locs.slice(1, -1)).toEqual(chunks.map((_, i) => expect.stringMatching(new RegExp(`/sitemaps/posts-${i + 1}\\.xml$`))));
    for (const s of doc.sitemapindex.sitemap) expect(new Date(s.lastmod).toISOString()).toBe(s.lastmod);
  });

  it("[READER] a post file and the pages file are valid url sets with lastmod dates", async () => {
    const posts = parse(renderUrlSet((await postSitemapEntries(1))!));
    expect(posts.urlset["@_xmlns"]).toBe("http://www.sitemaps.org/schemas/sitemap/0.9");
    expect(posts.urlset.url.length).toBeGreaterThan(0);
    for (const url of posts.urlset.url) {
      expect(url.loc).toMatch(/^https?:\/\/[^/]+\/posts\/[a-z0-9-]+$/);
      expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const pages = parse(renderUrlSet(await pageSitemapEntries()));
    const locs: string[] = pages.urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs[0]).toMatch(/^https?:\/\/[^/]+\/$/);
    expect(locs.some((loc) => /\/authors\/u[0-9a-f]+$/.test(loc))).toBe(true);
  });

  it("[READER] the news sitemap has only the last 48 hours, newest first, in the Google News format", async () => {
    const entries = await newsSitemapEntries();
    const slugs = entries.map((e) => e.url.replace(/^.*\/posts\//, ""));
    expect(slugs).toContain(fresh.slug);
    expect(slugs).toContain(dayOld.slug);
    expect(slugs).not.toContain(threeDaysOld.slug);
    for (const post of sameInstant) expect(slugs).not.toContain(post.slug);
    expect(slugs.indexOf(fresh.slug)).toBeLessThan(slugs.indexOf(dayOld.slug));
    // 47 hours later the day-old post has left the window and the fresh one is still in it.
    const later = await newsSitemapEntries({ now: new Date(Date.now() + 47 * HOUR) });
    expect(later.map((e) => e.url)).toContain(entries.find((e) => e.url.endsWith(fresh.slug))!.url);
    expect(later.map((e) => e.url.replace(/^.*\/posts\//, ""))).not.toContain(dayOld.slug);

    const xml = await renderNewsSitemap(entries);
    expect(xml).toContain("Tides &amp; “storms” &lt;live&gt;");
    const doc = parse(xml);
    expect(doc.urlset["@_xmlns:news"]).toBe("http://www.google.com/schemas/sitemap-news/0.9");
    const item = doc.urlset.url.find((u: { loc: string }) => u.loc.endsWith(`/posts/${fresh.slug}`));
    // The publication is the site's title (an admin's override when set: other test files change it).
    expect(item["news:news"]["news:publication"]).toEqual({ "news:name": (await siteSettings()).title, "news:language": "en" });
    expect(item["news:news"]["news:title"]).toBe(fresh.title);
    expect(new Date(item["news:news"]["news:publication_date"]).getTime()).toBeGreaterThan(Date.now() - HOUR);
  });
});
