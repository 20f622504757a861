import fsp from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readWordPress } from "@/lib/import/wordpress";
import { runImport, type ImportReport } from "@/lib/import/run-import";
import { openMediaSource } from "@/lib/import/media-source";
import { ImportFileError } from "@/lib/import/model";
import { legacyKey } from "@/lib/redirects/legacy-path";
import { forgetLegacyRedirects, legacyRedirectTarget } from "@/lib/redirects/legacy-redirect-lookup";
import { renderMarkdown } from "@/lib/markdown/render";
import { publicPostBySlug, currentSlugFor } from "@/lib/posts/public-posts";
import { createTestUser } from "@/tests/support/factories";
import { fixtureForSite, uploadsFolder, WXR_SAMPLE } from "@/tests/support/import-fixtures";
import type { Actor } from "@/lib/authz/permissions";

const SOURCE = "wordpress:https://gazette.example.org";
const MEDIA = ["2024/01/landing-stage.jpg", "2024/01/landing-stage-640x427.jpg", "2024/01/nets.png", "2024/01/gulls.jpg"];

async function importWxr(admin: Actor, file: string, options: { media?: string; pages?: boolean; dryRun?: boolean; batchSize?: number; onProgress?: () => void } = {}): Promise<ImportReport> {
  const media = options.media ? await openMediaSource(options.media) : null;
  try {
    return await runImport({
      actor: admin,
      bundle: await readWordPress(file, { pages: options.pages ?? true }),
      fileName: path.basename(file),
      media,
      dryRun: !!options.dryRun,
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } finally {
    await media?.close();
  }
}

async function postBySource(sourceId: string, source = SOURCE) {
  const item = await db().importedItem.findUniqueOrThrow({ where: { source_kind_sourceId: { source, kind: "post", sourceId } } });
  return db().post.findUniqueOrThrow({ where: { id: item.targetId }, include: { author: true, category: true, tags: { include: { tag: true } }, coverMedia: true, comments: { include: { author: true }, orderBy: { createdAt: "asc" } } } });
}

async function tableCounts() {
  const [posts, comments, users, media, redirects, slugRedirects, categories, tags, items] = await Promise.all([
    db().post.count(),
    db().comment.count(),
    db().user.count(),
    db().media.count(),
    db().legacyRedirect.count(),
    db().slugRedirect.count(),
    db().category.count(),
    db().tag.count(),
    db().importedItem.count(),
  ]);
  return { posts, comments, users, media, redirects, slugRedirects, categories, tags, items };
}

describe("WordPress import (WXR 1.2)", () => {
  let admin: Actor;
  let uploads: string;
  let report: ImportReport;

  beforeAll(async () => {
    admin = await createTestUser({ role: "ADMIN" });
    uploads = await uploadsFolder(MEDIA);
    report = await importWxr(admin, WXR_SAMPLE, { media: uploads, pages: true });
  });

  it("[ADMIN] imports posts of every status with their GMT dates; trash, nav items and spam are skipped with reasons", async () => {
    expect(report.counts.posts.created).toBe(9);
    expect(report.counts.posts.byStatus).toEqual({ PUBLISHED: 4, DRAFT: 3, IN_REVIEW: 1, SCHEDULED: 1 });
    const published = await postBySource("101");
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt?.toISOString()).toBe("2024-01-05T10:15:00.000Z");
    expect(published.updatedAt.toISOString()).toBe("2024-01-06T08:00:00.000Z");
    expect(published.featured).toBe(true);
    expect(published.excerpt).toBe("The estuary ferry is running again after the storms & repairs.");
    const draft = await postBySource("102");
    expect(draft).toMatchObject({ status: "DRAFT", publishedAt: null, featured: false });
    const pending = await postBySource("103");
    expect(pending.status).toBe("IN_REVIEW");
    expect(pending.submittedAt?.toISOString()).toBe("2024-01-08T11:20:00.000Z");
    const scheduled = await postBySource("104");
    expect(scheduled.status).toBe("PUBLISHED");
    expect(scheduled.publishedAt?.toISOString()).toBe("2030-03-28T06:00:00.000Z");
    expect(await publicPostBySlug(scheduled.slug)).toBeNull();
    const privatePost = await postBySource("105");
    expect(privatePost).toMatchObject({ status: "DRAFT", publishedAt: null });
    expect(report.postNotes.find((n) => n.sourceId === "105")?.notes.join(" ")).toMatch(/private/);
    // The Arabic post's GMT date, not its local one.
    expect((await postBySource("107")).publishedAt?.toISOString()).toBe("2024-01-10T14:00:00.000Z");
    const reasons = Object.fromEntries(report.skipped.map((s) => [`${s.kind}:${s.sourceId}`, s.reason]));
    expect(reasons["post:106"]).toBe("in the trash");
    expect(reasons["nav_menu_item:300"]).toMatch(/not imported/);
    expect(reasons["comment:504"]).toBe("spam");
    expect(reasons["comment:505"]).toMatch(/pingbacks/);
  });

  it("decodes entities and CDATA, keeps unicode and right-to-left text, and gives duplicate slugs a suffix", async () => {
    const roundup = await postBySource("108");
    expect(roundup.title).toBe("Rain & wind: what’s next for the sea wall");
    expect(roundup.slug).toBe("weekly-roundup");
    expect((await postBySource("109")).slug).toBe("weekly-roundup-2");
    expect(roundup.body).toContain("## The council's plan");
    expect(roundup.body).toContain("[the council's page](https://council.example.gov/sea-wall)");
    const arabic = await postBySource("107");
    expect(arabic.title).toBe("مهرجان الصيادين يعود إلى الميناء");
    expect(arabic.body).toContain("يعود مهرجان الصيادين هذا الأسبوع");
    expect(arabic.body).toContain("أكشاك & موسيقى");
    expect(arabic.body).not.toContain("wp:paragraph");
    expect(arabic.slug).toMatch(/^[a-z0-9-]+$/);
  });

  it("creates authors without passwords (roles from what they published), including one without posts", async () => {
    const marta = await db().user.findUniqueOrThrow({ where: { email: "marta@gazette.example.org" } });
    expect(marta).toMatchObject({ displayName: "Marta Okafor", role: "AUTHOR", passwordHash: null });
    const ben = await db().user.findUniqueOrThrow({ where: { email: "ben@gazette.example.org" } });
    expect(ben).toMatchObject({ role: "CONTRIBUTOR", passwordHash: null, username: "ben-hale" });
    const carol = await db().user.findUniqueOrThrow({ where: { email: "carol@gazette.example.org" } });
    expect(carol).toMatchObject({ displayName: "Carol Wynn", passwordHash: null });
    expect(await db().post.count({ where: { authorId: carol.id } })).toBe(0);
    expect((await postBySource("103")).authorId).toBe(ben.id);
    expect((await postBySource("101")).authorId).toBe(marta.id);
  });

  it("maps the primary category to the section, other categories and tags to tags, and pages to their own section", async () => {
    const post = await postBySource("101");
    expect(post.category?.name).toBe("Estuary & Shore");
    expect(post.category?.slug).toBe("estuary");
    expect(post.category?.description).toBe("Tides, boats and the people who work them.");
    expect(post.tags.map((t) => t.tag.name).sort()).toEqual(["Ferries", "News", "Wind & Rain"]);
    expect((await postBySource("108")).category?.slug).toBe("news");
    // Only "Uncategorized": it stays the section.
    expect((await postBySource("102")).category?.slug).toBe("uncategorized");
    expect((await postBySource("110")).category?.name).toBe("Pages");
    expect((await postBySource("107")).category?.name).toBe("أخبار");
  });

  it("uploads featured and inline images through the upload pipeline, with alt text, captions and credits", async () => {
    const post = await postBySource("101");
    expect(post.coverMedia).toMatchObject({ altText: "Gulls circling the landing stage", caption: "Gulls over the landing stage.", credit: "Photo: Ann Oduya" });
    expect(post.coverMedia!.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f]+-320x200\.jpg$/);
    // The [caption] shortcode's resized copy resolves to the original file.
    const figure = /!\[The repaired landing stage at low tide\]\((\/media\/[^ )]+) "The repaired landing stage\. \| © Tom Reyes"\)/.exec(post.body);
    expect(figure, post.body).not.toBeNull();
    const html = renderMarkdown(post.body);
    expect(html).toContain('<span class="caption">The repaired landing stage.</span><span class="credit">© Tom Reyes</span>');
    const arabic = await postBySource("107");
    expect(arabic.body).toMatch(/!\[شباك الصيد على الرصيف\]\(\/media\/[^ ]+\.png "Nets drying on the quay\. \| Photo: Sam Lee"\)/);
    // Missing files are listed, never fatal; the post keeps the old address.
    expect(report.missingMedia).toEqual(["https://gazette.example.org/wp-content/uploads/2024/01/not-in-the-archive.jpg"]);
    expect(post.body).toContain("https://gazette.example.org/wp-content/uploads/2024/01/not-in-the-archive.jpg");
    expect(report.counts.media).toMatchObject({ uploaded: 3, missing: 1, rejected: 0 });
  });

  it("turns galleries, embeds and unknown shortcodes into links or visible notes, listed in the report", async () => {
    const post = await postBySource("101");
    expect(post.body).toContain("A gallery from the old site (3 images) was not imported.");
    expect(post.body).toContain("<https://video.example.net/watch/ferry-crossing>");
    expect(post.body).toContain("Shortcode “pullquote” from the old site was not imported.");
    expect(post.body).toContain("The tide waits for no timetable.");
    expect(post.body).not.toMatch(/\[gallery|\[embed|\[caption/);
    const notes = report.postNotes.find((n) => n.sourceId === "101")!.notes.join("\n");
    expect(notes).toMatch(/gallery shortcode not imported/);
    expect(notes).toMatch(/embed → link: https:\/\/video\.example\.net\/watch\/ferry-crossing/);
    expect(notes).toMatch(/\[pullquote\]/);
  });

  it("imports approved and pending comments with replies; commenters become reader accounts or named guests", async () => {
    const post = await postBySource("101");
    expect(post.comments.map((c) => [c.body, c.status, c.author.displayName])).toEqual([
      ["Glad to have it back — the bridge detour took an hour.", "APPROVED", "Priya Natarajan"],
      ["Thanks Priya, we will keep the timetable page updated.", "APPROVED", "Marta Okafor"],
      ["Does the early boat run on Sundays?", "PENDING", "Harbour Watcher"],
    ]);
    expect(post.comments[0]!.createdAt.toISOString()).toBe("2024-01-05T12:00:00.000Z");
    const [priya, marta, guest] = post.comments.map((c) => c.author);
    expect(priya).toMatchObject({ role: "READER", email: "priya@readers.example.net", passwordHash: null });
    // The author replying is the author's own account, not a second one.
    expect(marta!.email).toBe("marta@gazette.example.org");
    expect(marta!.role).toBe("AUTHOR");
    expect(guest).toMatchObject({ role: "READER", passwordHash: null });
    expect(guest!.email).toMatch(/@imported\.invalid$/);
    expect(report.counts.comments.created).toBe(3);
  });

  it("maps every old address: permalinks, ?p=, old slugs, nested categories, tags, authors and feeds", async () => {
    forgetLegacyRedirects();
    const target = async (url: string) => {
      const u = new URL(url, "http://new.test");
      return legacyRedirectTarget(legacyKey(u.pathname, u.searchParams)!);
    };
    expect(await target("/2024/01/05/ferry-service-returns/")).toBe("/posts/ferry-service-returns");
    expect(await target("/?p=101")).toBe("/posts/ferry-service-returns");
    expect(await target("/2024/01/05/ferry-back-soon/")).toBe("/posts/ferry-service-returns");
    expect(await currentSlugFor("ferry-back-soon")).toBe("ferry-service-returns");
    const arabic = await postBySource("107");
    expect(await target("/2024/01/10/%d9%85%d9%87%d8%b1%d8%ac%d8%a7%d9%86-%d8%a7%d9%84%d8%b5%d9%8a%d8%a7%d8%af%d9%8a%d9%86/")).toBe(`/posts/${arabic.slug}`);
    expect(await target("/?p=109")).toBe("/posts/weekly-roundup-2");
    expect(await target("/about/")).toBe(`/posts/${(await postBySource("110")).slug}`);
    expect(await target("/?page_id=110")).toBe(`/posts/${(await postBySource("110")).slug}`);
    expect(await target("/category/news/estuary/")).toBe("/category/estuary");
    expect(await target("/category/news/estuary/feed/")).toBe("/category/estuary/feed.xml");
    expect(await target("/?cat=3")).toBe("/category/estuary");
    expect(await target("/?cat=2")).toBe("/category/news");
    expect(await target("/category/%d8%a3%d8%ae%d8%a8%d8%a7%d8%b1/")).toBe(`/category/${arabic.category!.slug}`);
    expect(await target("/?tag=ferries")).toBe("/tag/ferries");
    expect(await target("/tag/ferries/feed/")).toBe("/tag/ferries");
    expect(await target("/author/marta/")).toBe("/authors/marta");
    expect(await target("/?author=2")).toBe("/authors/ben-hale");
    expect(await target("/author/quietcarol/")).toBe("/authors/quietcarol");
    expect(await target("/feed/")).toBe("/feed.xml");
    expect(await target("/?feed=rss2")).toBe("/feed.xml");
    // The same address as the new page needs no redirect (it would loop).
    expect(await target("/category/news/")).toBeNull();
    expect(await target("/tag/ferries/")).toBeNull();
    const stored = await db().legacyRedirect.findUniqueOrThrow({ where: { path: "/2024/01/05/ferry-service-returns" } });
    expect(stored.importRunId).not.toBeNull();
    expect(report.counts.redirects.created).toBe(await db().legacyRedirect.count({ where: { importRunId: stored.importRunId } }));
  });

  it("records the run and writes an audit-log entry", async () => {
    const run = await db().importRun.findFirstOrThrow({ where: { source: SOURCE }, orderBy: { createdAt: "asc" } });
    expect(run).toMatchObject({ status: "succeeded", format: "wordpress", done: 9, total: 9, startedById: admin.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "site.import", targetId: run.id } });
    expect(audit.actorId).toBe(admin.id);
    expect(audit.changes).toMatchObject({ posts: { to: 9 }, comments: { to: 3 } });
  });

  it("running it twice changes nothing", async () => {
    const before = await tableCounts();
    const again = await importWxr(admin, WXR_SAMPLE, { media: uploads, pages: true });
    expect(await tableCounts()).toEqual(before);
    expect(again.counts.posts).toMatchObject({ created: 0, existing: 9 });
    expect(again.counts.comments).toMatchObject({ created: 0, existing: 3 });
    expect(again.counts.redirects.created).toBe(0);
    expect(again.counts.media.uploaded).toBe(0);
  });

  it("[EDITOR] may not import", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const error = await importWxr(editor, WXR_SAMPLE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("FORBIDDEN");
  });

  it("--dry-run reports what would happen and changes nothing", async () => {
    const file = await fixtureForSite(WXR_SAMPLE, "gazette.example.org", "dry.example.org");
    const before = await tableCounts();
    const dry = await importWxr(admin, file, { media: uploads, pages: true, dryRun: true });
    expect(await tableCounts()).toEqual(before);
    expect(dry.dryRun).toBe(true);
    expect(dry.counts.posts.created).toBe(9);
    expect(dry.counts.comments.created).toBe(3);
    expect(dry.counts.media.uploaded).toBe(3);
    expect(await db().importRun.count({ where: { source: "wordpress:https://dry.example.org" } })).toBe(0);
  });

  it("resumes after an interruption without duplicates", async () => {
    const file = await fixtureForSite(WXR_SAMPLE, "gazette.example.org", "resume.example.org");
    const source = "wordpress:https://resume.example.org";
    let batches = 0;
    const interrupted = await importWxr(admin, file, {
      pages: true,
      batchSize: 3,
      onProgress: () => {
        // The progress after the first batch of posts: stop as a crash would.
        if (++batches === 2) throw new Error("interrupted");
      },
    }).catch((e: unknown) => e);
    expect((interrupted as Error).message).toBe("interrupted");
    expect(await db().importedItem.count({ where: { source, kind: "post" } })).toBe(3);
    const resumed = await importWxr(admin, file, { pages: true, batchSize: 3 });
    expect(resumed.counts.posts).toMatchObject({ created: 6, existing: 3 });
    expect(await db().importedItem.count({ where: { source, kind: "post" } })).toBe(9);
    const ids = (await db().importedItem.findMany({ where: { source, kind: "post" } })).map((i) => i.targetId);
    expect(await db().post.count({ where: { id: { in: ids } } })).toBe(9);
    expect(await db().comment.count({ where: { post: { id: { in: ids } } } })).toBe(3);
  });

  it("a truncated or malformed file stops with the line at fault and changes nothing", async () => {
    const text = await fsp.readFile(WXR_SAMPLE, "utf8");
    const dir = path.dirname(await fixtureForSite(WXR_SAMPLE, "x", "x"));
    const truncated = path.join(dir, "truncated.xml");
    await fsp.writeFile(truncated, text.slice(0, Math.floor(text.length * 0.6)));
    const before = await tableCounts();
    const error = await importWxr(admin, truncated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportFileError);
    expect((error as Error).message).toMatch(/line \d+/);
    const broken = path.join(dir, "broken.xml");
    const lines = text.split("\n");
    const at = lines.findIndex((l) => l.includes("<wp:post_id>103</wp:post_id>"));
    lines[at] = "\t\t<wp:post_id>103</wp:post_idd>";
    await fsp.writeFile(broken, lines.join("\n"));
    const error2 = await importWxr(admin, broken).catch((e: unknown) => e);
    expect(error2).toBeInstanceOf(ImportFileError);
    expect((error2 as Error).message).toContain(`line ${at + 1}`);
    const notWxr = path.join(dir, "feed.xml");
    await fsp.writeFile(notWxr, `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>`);
    await expect(importWxr(admin, notWxr)).rejects.toThrow(/not a WordPress export/);
    expect(await tableCounts()).toEqual(before);
  });
});

describe("old addresses for admins", () => {
  it("[ADMIN] lists and deletes old addresses (audited); [EDITOR] may not see them", async () => {
    const { listLegacyRedirects } = await import("@/lib/redirects/list-legacy-redirects");
    const { deleteLegacyRedirect } = await import("@/lib/redirects/delete-legacy-redirect");
    const admin = await createTestUser({ role: "ADMIN" });
    const file = await fixtureForSite(WXR_SAMPLE, "gazette.example.org", "listing.example.org");
    await importWxr(admin, file, { pages: false });
    const listed = await listLegacyRedirects(admin, { q: "author/marta", page: 1 });
    expect(listed.redirects.map((r) => r.path)).toContain("/author/marta");
    const row = listed.redirects.find((r) => r.path === "/author/marta")!;
    expect(row.importRun?.format).toBe("wordpress");
    const editor = await createTestUser({ role: "EDITOR" });
    await expect(listLegacyRedirects(editor, { page: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(deleteLegacyRedirect({ actor: editor, input: { id: row.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    forgetLegacyRedirects();
    expect(await legacyRedirectTarget("/author/marta")).toBe(row.target);
    await deleteLegacyRedirect({ actor: admin, input: { id: row.id } });
    expect(await legacyRedirectTarget("/author/marta")).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "redirect.delete", targetId: row.id } });
    expect(audit.changes).toMatchObject({ path: { from: "/author/marta" } });
    await expect(deleteLegacyRedirect({ actor: admin, input: { id: row.id } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("/admin/import runs in the background and reports through its ImportRun row", async () => {
    const { startImport, getImportRun } = await import("@/lib/import/start-import");
    const admin = await createTestUser({ role: "ADMIN" });
    const data = Buffer.from((await fsp.readFile(WXR_SAMPLE, "utf8")).split("gazette.example.org").join("upload.example.org"));
    const { runId, done } = await startImport({ actor: admin, input: { format: "wordpress", dryRun: true }, exportFile: { name: "site.xml", data }, mediaFile: null });
    await done;
    const run = await getImportRun(admin, runId);
    expect(run).toMatchObject({ status: "succeeded", dryRun: true, fileName: "site.xml" });
    expect((run.report as { counts: { posts: { created: number } } }).counts.posts.created).toBe(8);
    expect(await db().importedItem.count({ where: { source: "wordpress:https://upload.example.org" } })).toBe(0);
    const bad = await startImport({ actor: admin, input: { format: "ghost" }, exportFile: { name: "site.xml", data }, mediaFile: null });
    await bad.done;
    expect(await getImportRun(admin, bad.runId)).toMatchObject({ status: "failed", error: expect.stringMatching(/not valid JSON/) });
    await expect(startImport({ actor: admin, input: { format: "drupal" }, exportFile: { name: "x", data }, mediaFile: null })).rejects.toMatchObject({ code: "INVALID" });
    const editor = await createTestUser({ role: "EDITOR" });
    await expect(startImport({ actor: editor, input: { format: "wordpress" }, exportFile: { name: "x", data }, mediaFile: null })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(getImportRun(editor, runId)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
