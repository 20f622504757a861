import fsp from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { readGhost } from "@/lib/import/ghost";
import { runImport, type ImportReport } from "@/lib/import/run-import";
import { openMediaSource } from "@/lib/import/media-source";
import { ImportFileError } from "@/lib/import/model";
import { legacyKey } from "@/lib/redirects/legacy-path";
import { forgetLegacyRedirects, legacyRedirectTarget } from "@/lib/redirects/legacy-redirect-lookup";
import { renderMarkdown } from "@/lib/markdown/render";
import { createTestUser } from "@/tests/support/factories";
import { fixtureForSite, GHOST_SAMPLE, uploadsFolder } from "@/tests/support/import-fixtures";
import type { Actor } from "@/lib/authz/permissions";
import * as tar from "tar";
import os from "node:os";

const SOURCE = "ghost";

async function postBySource(sourceId: string) {
  const item = await db().importedItem.findUniqueOrThrow({ where: { source_kind_sourceId: { source: SOURCE, kind: "post", sourceId } } });
  return db().post.findUniqueOrThrow({ where: { id: item.targetId }, include: { author: true, category: true, tags: { include: { tag: true } }, coverMedia: true } });
}

describe("Ghost import (Ghost 5 JSON export)", () => {
  let admin: Actor;
  let report: ImportReport;

  beforeAll(async () => {
    admin = await createTestUser({ role: "ADMIN" });
    const folder = await uploadsFolder(["2024/02/boat-hall.jpg", "2024/02/museum-front.jpg", "2024/02/reading-room.jpg", "2024/02/market-stalls.jpg"]);
    // Ghost's content/images as a .tar.gz archive, the way an admin downloads it from the server.
    const archive = path.join(await fsp.mkdtemp(path.join(os.tmpdir(), "broadsheet-ghost-media-")), "images.tar.gz");
    await tar.c({ gzip: true, file: archive, cwd: folder }, ["2024"]);
    const media = await openMediaSource(archive);
    try {
      report = await runImport({ actor: admin, bundle: await readGhost(GHOST_SAMPLE), fileName: "ghost-sample.json", media });
    } finally {
      await media.close();
    }
  });

  it("[ADMIN] imports posts with their statuses and dates; email-only posts are skipped with the reason", async () => {
    expect(report.counts.posts.byStatus).toEqual({ PUBLISHED: 3, DRAFT: 1, SCHEDULED: 1 });
    const museum = await postBySource("65b000000000000000000001");
    expect(museum).toMatchObject({ status: "PUBLISHED", featured: true, slug: "harbour-museum-reopens", excerpt: "The boat hall is open again after two years." });
    expect(museum.publishedAt?.toISOString()).toBe("2024-02-01T10:00:00.000Z");
    expect(museum.updatedAt.toISOString()).toBe("2024-02-02T09:30:00.000Z");
    const market = await postBySource("65b000000000000000000003");
    expect(market.status).toBe("PUBLISHED");
    expect(market.publishedAt?.toISOString()).toBe("2031-12-01T09:00:00.000Z");
    expect((await postBySource("65b000000000000000000002")).status).toBe("DRAFT");
    expect(report.skipped).toContainEqual(expect.objectContaining({ sourceId: "65b000000000000000000005", reason: "sent as email only, never on the site" }));
    // Ghost's own -2 slug stays as it was.
    expect((await postBySource("65b000000000000000000006")).slug).toBe("harbour-museum-reopens-2");
  });

  it("maps staff roles and the primary author", async () => {
    const noor = await db().user.findUniqueOrThrow({ where: { email: "noor@coastal.example.com" } });
    expect(noor).toMatchObject({ role: "ADMIN", passwordHash: null, bio: "Editor of the Coastal Ledger.", username: "noor" });
    const jonah = await db().user.findUniqueOrThrow({ where: { email: "jonah@coastal.example.com" } });
    expect(jonah.role).toBe("EDITOR");
    const ines = await db().user.findUniqueOrThrow({ where: { email: "ines@coastal.example.com" } });
    expect(ines.role).toBe("CONTRIBUTOR");
    expect((await postBySource("65b000000000000000000001")).authorId).toBe(jonah.id);
  });

  it("the primary tag becomes the section, the others tags; internal #tags are skipped", async () => {
    const museum = await postBySource("65b000000000000000000001");
    expect(museum.category?.name).toBe("Culture");
    expect(museum.tags.map((t) => t.tag.name)).toEqual(["Harbour"]);
    const market = await postBySource("65b000000000000000000003");
    expect(market.category?.name).toBe("Markets");
    expect(market.tags.map((t) => t.tag.name)).toEqual(["Culture"]);
    expect(await db().tag.count({ where: { name: { startsWith: "#" } } })).toBe(0);
    expect((await postBySource("65b000000000000000000004")).category?.name).toBe("Pages");
  });

  it("feature images keep alt text, caption and credit; inline images are uploaded from the archive", async () => {
    const museum = await postBySource("65b000000000000000000001");
    expect(museum.coverMedia).toMatchObject({ altText: "The museum's front door in the rain", caption: "The front door on opening day", credit: "© Estuary Museum" });
    expect(museum.body).toMatch(/!\[A restored rowing boat\]\(\/media\/[^ ]+ "The restored gig\. \| Photo: Amir Haddad"\)/);
    expect(museum.body).toContain("<https://video.example.net/embed/museum>");
    expect(museum.body).toContain("مرحبا بالزوار");
    expect(report.counts.media).toMatchObject({ uploaded: 4, missing: 0 });
  });

  it("renders Lexical and Mobiledoc when a post has no HTML", async () => {
    const library = await postBySource("65b000000000000000000002");
    expect(library.body).toContain("The reading room opens **on Saturdays** from March.");
    expect(library.body).toContain("## What changes");
    expect(library.body).toContain("[New timetable](https://library.example.org/hours)");
    expect(library.body).toMatch(/!\[Empty reading room with green lamps\]\(\/media\/[^ ]+ "The reading room before opening\. \| © Library Trust"\)/);
    expect(library.body).toContain("A “product” card from the old site was not imported.");
    const market = await postBySource("65b000000000000000000003");
    expect(market.body).toContain("The [winter market](https://market.example.org) moves indoors _next week_.");
    // Ghost's resized copy (size/w600) resolves to the original file.
    expect(market.body).toMatch(/!\[Market stalls under awnings\]\(\/media\/[^ ]+ "Stalls on the square\. \| Photo: Lena Park"\)/);
    expect(market.body).toContain("Ünïcödé stays: naïve café.");
    expect(renderMarkdown(market.body)).toContain('<span class="credit">Photo: Lena Park</span>');
  });

  it("maps Ghost's addresses: /slug/, tags, authors and /rss/, without shadowing pages that exist here", async () => {
    forgetLegacyRedirects();
    const target = (p: string) => legacyRedirectTarget(legacyKey(p)!);
    expect(await target("/harbour-museum-reopens/")).toBe("/posts/harbour-museum-reopens");
    expect(await target("/p/0b9c4c6e-1111-4a1a-9a1a-000000000001/")).toBe("/posts/harbour-museum-reopens");
    expect(await target("/contact/")).toBe("/posts/contact");
    expect(await target("/author/noor/")).toBe("/authors/noor");
    expect(await target("/author/noor/rss/")).toBe("/authors/noor");
    expect(await target("/tag/markets/rss/")).toBe("/category/markets/feed.xml");
    expect(await target("/tag/harbour/rss/")).toBe("/tag/harbour");
    expect(await target("/rss/")).toBe("/feed.xml");
    // Markets is a section only: its old tag page goes there. Culture is both, and /tag/culture is a page here.
    expect(await target("/tag/markets/")).toBe("/category/markets");
    expect(await target("/tag/culture/")).toBeNull();
  });

  it("running it twice changes nothing", async () => {
    const count = () => Promise.all([db().post.count(), db().user.count(), db().media.count(), db().legacyRedirect.count(), db().tag.count(), db().category.count()]);
    const before = await count();
    const again = await runImport({ actor: admin, bundle: await readGhost(GHOST_SAMPLE), fileName: "ghost-sample.json" });
    expect(await count()).toEqual(before);
    expect(again.counts.posts).toMatchObject({ created: 0, existing: 5 });
  });

  it("a malformed file names the line or the field at fault", async () => {
    const text = await fsp.readFile(GHOST_SAMPLE, "utf8");
    const dir = path.dirname(await fixtureForSite(GHOST_SAMPLE, "x", "x"));
    const truncated = path.join(dir, "truncated.json");
    await fsp.writeFile(truncated, text.slice(0, 2000));
    await expect(readGhost(truncated)).rejects.toThrow(/not valid JSON.*line \d+/);
    const badDate = path.join(dir, "bad-date.json");
    await fsp.writeFile(badDate, text.replace('"published_at": "2024-02-06T08:00:00.000Z"', '"published_at": "last Tuesday"'));
    const error = await readGhost(badDate).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toBe('posts[5].published_at is not a date: "last Tuesday"');
    const notGhost = path.join(dir, "other.json");
    await fsp.writeFile(notGhost, JSON.stringify({ hello: "world" }));
    await expect(readGhost(notGhost)).rejects.toThrow(/not a Ghost export/);
  });
});

describe("media archives", () => {
  it("reads images from a .zip by their uploads path; a file that is no image is refused, not fatal", async () => {
    const zip = await openMediaSource(path.resolve("tests/fixtures/import/uploads-sample.zip"));
    try {
      expect(zip.size).toBe(2);
      const file = zip.find("https://old.example.org/wp-content/uploads/2024/01/gulls-300x200.jpg");
      expect(file?.key).toBe("wp-content/uploads/2024/01/gulls.jpg");
      const sharp = (await import("sharp")).default;
      expect((await sharp(await file!.read()).metadata()).width).toBe(64);
      expect(zip.find("https://old.example.org/wp-content/uploads/2023/01/gulls.jpg")).toBeNull();
      const admin = await createTestUser({ role: "ADMIN" });
      const bundle = await readGhost(GHOST_SAMPLE);
      bundle.source = `ghost:zip-test-${Date.now()}`;
      bundle.posts = [{ ...bundle.posts[0]!, sourceId: "zip-post", slug: "zip-post", html: '<p><img src="/wp-content/uploads/2024/01/notes.txt" alt="x"></p>', cover: { url: "/wp-content/uploads/2024/01/gulls.jpg", alt: "Gulls", caption: "", credit: "" }, oldUrls: [] }];
      const result = await runImport({ actor: admin, bundle, fileName: "zip.json", media: zip });
      expect(result.counts.media).toMatchObject({ uploaded: 1, rejected: 1 });
      expect(result.rejectedMedia[0]?.reason).toMatch(/not a JPEG, PNG, WebP or GIF/);
    } finally {
      await zip.close();
    }
    await expect(openMediaSource(GHOST_SAMPLE)).rejects.toThrow(/neither a \.zip nor a \.tar\.gz/);
  });
});
