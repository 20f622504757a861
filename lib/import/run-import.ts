import "server-only";
import crypto from "node:crypto";
import { db, type DbOrTx, type Tx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { isAppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { slugify, uniquePostSlug } from "@/lib/posts/slug";
import { uploadImage } from "@/lib/media/upload-image";
import { revalidateForReadersOutsideNext } from "@/lib/cache/revalidate";
import { SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";
import { forgetLegacyRedirects } from "@/lib/redirects/legacy-redirect-lookup";
import { legacyKeyOfUrl } from "@/lib/redirects/legacy-path";
import { htmlToMarkdown, htmlToText } from "@/lib/import/html-to-markdown";
import type { MediaSource } from "@/lib/import/media-source";
import type { ImportBundle, SkippedItem, SourceImage, SourcePost, SourceTerm, SourceUser } from "@/lib/import/model";
import type { Prisma } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";

/**
 * Writes an ImportBundle (lib/import/model.ts) into Broadsheet. Invariants
 * (lib/import/README.md):
 * - Idempotent: everything created is recorded in ImportedItem under
 *   (bundle.source, kind, sourceId) in the same transaction that creates it;
 *   a second run, or a resume after an interruption, finds it and creates
 *   nothing twice.
 * - Posts are written in batches, each batch (posts, tags, comments, old
 *   slugs, old addresses, mapping rows) one transaction.
 * - Images go through uploadImage (type check from the bytes, metadata
 *   stripped, size limit, variants on request), once per file.
 * - A dry run does everything in one transaction that is rolled back, and
 *   stores no image: its report is what a real run would do.
 */

export type ImportProgress = { phase: string; done: number; total: number };

export type ImportReport = {
  format: string;
  source: string;
  fileName: string;
  dryRun: boolean;
  counts: {
    users: { created: number; existing: number };
    commenters: { created: number; existing: number };
    sections: { created: number; existing: number };
    tags: { created: number; existing: number };
    posts: { created: number; existing: number; byStatus: Record<string, number> };
    comments: { created: number; existing: number };
    media: { uploaded: number; existing: number; missing: number; rejected: number };
    redirects: { created: number; existing: number; conflicting: number };
  };
  skipped: SkippedItem[];
  missingMedia: string[];
  rejectedMedia: { url: string; reason: string }[];
  postNotes: { sourceId: string; title: string; notes: string[] }[];
  notes: string[];
  /** A sample of the old addresses mapped (all of them are in LegacyRedirect, /admin/redirects). */
  redirectSample: { from: string; to: string }[];
  durationMs: number;
};

export type RunImportOptions = {
  actor: Actor;
  bundle: ImportBundle;
  fileName: string;
  dryRun?: boolean;
  media?: MediaSource | null;
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** An ImportRun row made by the caller (/admin/import); otherwise one is made here (not for dry runs). */
  runId?: string;
};

class DryRunDone extends Error {}

const TX_OPTIONS = { timeout: 120_000, maxWait: 30_000 } as const;

const newId = () => `c${crypto.randomBytes(12).toString("hex")}`;
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const UNSTORABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;
const storable = (s: string) => s.replace(UNSTORABLE, "");

type Mapping = Map<string, string>;

export async function runImport(options: RunImportOptions): Promise<ImportReport> {
  assertCan(options.actor, "site.import");
  const started = Date.now();
  const { bundle } = options;
  const report: ImportReport = {
    format: bundle.format,
    source: bundle.source,
    fileName: options.fileName,
    dryRun: !!options.dryRun,
    counts: {
      users: { created: 0, existing: 0 },
      commenters: { created: 0, existing: 0 },
      sections: { created: 0, existing: 0 },
      tags: { created: 0, existing: 0 },
      posts: { created: 0, existing: 0, byStatus: {} },
      comments: { created: 0, existing: 0 },
      media: { uploaded: 0, existing: 0, missing: 0, rejected: 0 },
      redirects: { created: 0, existing: 0, conflicting: 0 },
    },
    skipped: [...bundle.skipped],
    missingMedia: [],
    rejectedMedia: [],
    postNotes: [],
    notes: [...bundle.notes],
    redirectSample: [],
    durationMs: 0,
  };

  // A dry run from the terminal leaves no row; one from /admin/import reports through the row it was given.
  const runId = options.runId ?? (options.dryRun ? null : (await db().importRun.create({ data: { format: bundle.format, fileName: options.fileName, source: bundle.source, status: "running", startedById: options.actor.id } })).id);
  if (runId) await db().importRun.update({ where: { id: runId }, data: { status: "running", source: bundle.source, total: bundle.posts.length } });

  const progress = (phase: string, done: number, total: number) => {
    options.onProgress?.({ phase, done, total });
  };
  const saveProgress = async (phase: string, done: number, total: number) => {
    progress(phase, done, total);
    if (runId) await db().importRun.update({ where: { id: runId }, data: { phase, done, total } });
  };

  const work = async (dryTx: Tx | null) => {
    const inTx = <T>(fn: (tx: Tx) => Promise<T>): Promise<T> => (dryTx ? fn(dryTx) : db().$transaction(fn, TX_OPTIONS));
    const reader: DbOrTx = dryTx ?? db();
    const mapped = await loadMappings(reader, bundle.source);
    const map = (kind: string) => {
      let m = mapped.get(kind);
      if (!m) mapped.set(kind, (m = new Map()));
      return m;
    };

    await saveProgress("accounts", 0, bundle.posts.length);
    await inTx((tx) => importUsers(tx, bundle, map("user"), report));
    await inTx((tx) => importCommenters(tx, bundle, map("commenter"), report));
    await inTx((tx) => importTerms(tx, bundle, map, report));

    const batchSize = options.batchSize ?? 250;
    const media = new MediaImporter(options, map("media"), report, !!dryTx, reader);
    const usedSlugs = new Set<string>();
    const prepareBatch = async (start: number): Promise<PreparedPost[]> => {
      const prepared: PreparedPost[] = [];
      for (const post of bundle.posts.slice(start, start + batchSize)) prepared.push(await preparePost(post, map("post").get(post.sourceId) ?? null, media, report));
      return prepared;
    };
    // The next batch is converted (CPU, here) while the current one is written (in PostgreSQL).
    let next: Promise<PreparedPost[]> | null = bundle.posts.length ? prepareBatch(0) : null;
    for (let i = 0; next; i += batchSize) {
      const prepared: PreparedPost[] = await next;
      next = i + batchSize < bundle.posts.length ? prepareBatch(i + batchSize) : null;
      // A failed write must not leave the next conversion's rejection unhandled.
      next?.catch(() => undefined);
      await inTx((tx) => writePosts(tx, options.actor, bundle, prepared, map, usedSlugs, runId, report));
      await saveProgress("posts", Math.min(i + batchSize, bundle.posts.length), bundle.posts.length);
    }
    await inTx((tx) => writeSiteRedirects(tx, bundle, map, runId, report));
    report.durationMs = Date.now() - started;
    if (!dryTx) {
      await recordAudit(db(), {
        actorId: options.actor.id,
        action: "site.import",
        targetType: "import",
        targetId: runId ?? "dry-run",
        changes: {
          format: { from: null, to: bundle.format },
          file: { from: null, to: options.fileName },
          posts: { from: null, to: report.counts.posts.created },
          comments: { from: null, to: report.counts.comments.created },
          redirects: { from: null, to: report.counts.redirects.created },
          skipped: { from: null, to: report.skipped.length },
        },
      });
    }
  };

  try {
    if (options.dryRun) {
      await db()
        .$transaction(
          async (tx) => {
            await work(tx);
            throw new DryRunDone();
          },
          { timeout: 30 * 60_000, maxWait: 30_000 },
        )
        .catch((e) => {
          if (!(e instanceof DryRunDone)) throw e;
        });
      report.durationMs = Date.now() - started;
      if (runId) await db().importRun.update({ where: { id: runId }, data: { status: "succeeded", dryRun: true, finishedAt: new Date(), report: report as unknown as Prisma.InputJsonValue } });
      return report;
    }
    await work(null);
  } catch (error) {
    if (runId) {
      await db()
        .importRun.update({ where: { id: runId }, data: { status: "failed", error: isAppError(error) || error instanceof Error ? error.message : String(error), finishedAt: new Date(), report: report as unknown as Prisma.InputJsonValue } })
        .catch(() => undefined);
    }
    throw error;
  }
  await db().importRun.update({ where: { id: runId! }, data: { status: "succeeded", finishedAt: new Date(), report: report as unknown as Prisma.InputJsonValue } });
  const c = report.counts;
  if (c.posts.created + c.comments.created + c.sections.created + c.tags.created + c.users.created > 0) await revalidateForReadersOutsideNext(SITE_WIDE_EFFECT);
  if (c.redirects.created > 0) forgetLegacyRedirects();
  return report;
}

async function loadMappings(tx: DbOrTx, source: string): Promise<Map<string, Mapping>> {
  const rows = await tx.importedItem.findMany({ where: { source }, select: { kind: true, sourceId: true, targetId: true } });
  const out = new Map<string, Mapping>();
  for (const r of rows) {
    let m = out.get(r.kind);
    if (!m) out.set(r.kind, (m = new Map()));
    m.set(r.sourceId, r.targetId);
  }
  return out;
}

// ---------------------------------------------------------------- accounts

/** Usernames for new accounts: the wanted one, else wanted-2, -3…; one query for the whole list. */
async function freeUsernames(tx: Tx, wanted: string[]): Promise<string[]> {
  const bases = wanted.map((w) => {
    let base = slugify(w).replace(/[^a-z0-9_-]/g, "").slice(0, 24);
    if (base.length < 3) base = `${base}user`.slice(0, 24);
    if (!/^[a-z0-9]/.test(base)) base = `u${base}`;
    return base;
  });
  const unique = [...new Set(bases)];
  const taken = new Set(
    unique.length
      ? (await tx.user.findMany({ where: { OR: unique.map((b) => ({ username: { startsWith: b } })) }, select: { username: true } })).map((u) => u.username)
      : [],
  );
  return bases.map((base) => {
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}-${n}`;
      if (!taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  });
}

const VALID_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type NewAccount = { sourceId: string; email: string; wantedUsername: string; displayName: string; role: Role; bio: string; existingNote?: string };

/**
 * Accounts for authors and commenters, in three statements whatever their
 * number: the ones whose email already has an account here are that account;
 * the others are created without a password (they set one with "Forgot password?").
 */
async function importAccounts(tx: Tx, bundle: ImportBundle, kind: "user" | "commenter", accounts: NewAccount[], map: Mapping, counter: { created: number; existing: number }, report: ImportReport) {
  const todo = accounts.filter((a) => {
    if (!map.has(a.sourceId)) return true;
    counter.existing++;
    return false;
  });
  if (!todo.length) return;
  const emails = todo.map((a) => a.email).filter(Boolean);
  const existing = new Map((emails.length ? await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } }) : []).map((u) => [u.email, u.id]));
  const creating = todo.filter((a) => !(a.email && existing.has(a.email)));
  const usernames = await freeUsernames(tx, creating.map((a) => a.wantedUsername));
  const ids = creating.map(() => newId());
  const rows: Prisma.UserCreateManyInput[] = creating.map((a, i) => ({
    id: ids[i]!,
    email: a.email || `${usernames[i]}-${crypto.createHash("sha256").update(`${bundle.source}\n${kind}\n${a.sourceId}`).digest("hex").slice(0, 8)}@imported.invalid`,
    username: usernames[i]!,
    displayName: clip(storable(a.displayName).trim(), 80) || usernames[i]!,
    role: a.role,
    bio: clip(storable(a.bio), 1000),
    passwordHash: null,
  }));
  if (rows.length) await tx.user.createMany({ data: rows });
  const items: Prisma.ImportedItemCreateManyInput[] = [];
  creating.forEach((a, i) => {
    map.set(a.sourceId, ids[i]!);
    counter.created++;
  });
  for (const a of todo) {
    const id = a.email ? existing.get(a.email) : undefined;
    if (id) {
      map.set(a.sourceId, id);
      counter.existing++;
      if (a.existingNote) report.notes.push(a.existingNote);
    }
    items.push({ source: bundle.source, kind, sourceId: a.sourceId, targetId: map.get(a.sourceId)! });
  }
  await tx.importedItem.createMany({ data: items });
}

async function importUsers(tx: Tx, bundle: ImportBundle, map: Mapping, report: ImportReport) {
  const accounts = bundle.users.map((u): NewAccount => {
    const email = VALID_EMAIL.test(u.email) ? u.email.toLowerCase() : "";
    return { sourceId: u.sourceId, email, wantedUsername: u.login, displayName: u.displayName, role: u.role, bio: u.bio, existingNote: `Author ${u.displayName} <${email}> already had an account here: their posts are theirs.` };
  });
  await importAccounts(tx, bundle, "user", accounts, map, report.counts.users, report);
}

/** Commenters: one reader account (no password) per email, or per name for guests without one. */
export function commenterKey(c: { authorEmail: string; authorName: string }): string {
  return VALID_EMAIL.test(c.authorEmail) ? `email:${c.authorEmail.toLowerCase()}` : `name:${c.authorName.trim().toLowerCase()}`;
}

async function importCommenters(tx: Tx, bundle: ImportBundle, map: Mapping, report: ImportReport) {
  const seen = new Map<string, NewAccount>();
  for (const p of bundle.posts)
    for (const c of p.comments) {
      const key = commenterKey(c);
      if (!seen.has(key)) seen.set(key, { sourceId: key, email: key.startsWith("email:") ? key.slice(6) : "", wantedUsername: c.authorName || "guest", displayName: c.authorName || "Guest", role: "READER", bio: "" });
    }
  await importAccounts(tx, bundle, "commenter", [...seen.values()], map, report.counts.commenters, report);
}

// ---------------------------------------------------------------- sections and tags

async function importTerms(tx: Tx, bundle: ImportBundle, map: (kind: string) => Mapping, report: ImportReport) {
  const sectionIds = new Set(bundle.posts.map((p) => p.sectionSourceId).filter((s): s is string => !!s));
  const tagIds = new Set(bundle.posts.flatMap((p) => p.tagSourceIds));
  for (const term of bundle.terms) {
    // Categories become sections; a category only ever used beside another one becomes a tag as well.
    if (term.kind === "category" && (sectionIds.has(term.sourceId) || !tagIds.has(term.sourceId))) await importTerm(tx, bundle, "category", term, map("category"), report);
    if (term.kind === "tag" || tagIds.has(term.sourceId)) await importTerm(tx, bundle, "tag", term, map("tag"), report);
  }
}

async function importTerm(tx: Tx, bundle: ImportBundle, kind: "category" | "tag", term: SourceTerm, map: Mapping, report: ImportReport) {
  const counter = kind === "category" ? report.counts.sections : report.counts.tags;
  if (map.has(term.sourceId)) {
    counter.existing++;
    return;
  }
  const name = clip(storable(term.name).trim(), kind === "tag" ? 50 : 80) || term.slug;
  let slug = slugify(term.slug) || slugify(name) || `${kind === "category" ? "section" : "tag"}-${crypto.createHash("sha256").update(term.sourceId).digest("hex").slice(0, 6)}`;
  const model = kind === "category" ? tx.category : tx.tag;
  // The same name or slug here already: the same section or tag.
  const existing = await (model as typeof tx.tag).findFirst({ where: { OR: [{ slug }, { name: { equals: name, mode: "insensitive" } }] }, select: { id: true } });
  let id = existing?.id;
  if (id) counter.existing++;
  else {
    for (let n = 2; await (model as typeof tx.tag).findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${slugify(term.slug) || "term"}-${n}`;
    id = (await (model as typeof tx.tag).create({ data: { name, slug, description: clip(storable(term.description), 500) }, select: { id: true } })).id;
    counter.created++;
  }
  map.set(term.sourceId, id);
  await tx.importedItem.create({ data: { source: bundle.source, kind, sourceId: term.sourceId, targetId: id } });
}

// ---------------------------------------------------------------- media

class MediaImporter {
  constructor(
    private options: RunImportOptions,
    private map: Mapping,
    private report: ImportReport,
    private dryRun: boolean,
    private reader: DbOrTx,
  ) {}
  private cache = new Map<string, Promise<string | null>>();

  /** The new /media/… address of an old image, or null (missing or refused: listed in the report). */
  url(image: SourceImage): Promise<string | null> {
    return this.get(image).then((m) => m?.url ?? null);
  }

  async get(image: SourceImage): Promise<{ id: string; url: string } | null> {
    if (!image.url || image.url.startsWith("data:")) return null;
    const file = this.options.media?.find(image.url) ?? null;
    if (!file) {
      if (!this.report.missingMedia.includes(image.url)) {
        this.report.missingMedia.push(image.url);
        this.report.counts.media.missing++;
      }
      return null;
    }
    let pending = this.cache.get(file.key);
    if (!pending) {
      pending = this.upload(file, image);
      this.cache.set(file.key, pending);
    }
    const id = await pending;
    if (!id) return null;
    const media = await this.reader.media.findUnique({ where: { id }, select: { storageKey: true } });
    return media ? { id, url: `/media/${media.storageKey}` } : null;
  }

  private async upload(file: { key: string; read: () => Promise<Buffer> }, image: SourceImage): Promise<string | null> {
    const known = this.map.get(file.key);
    if (known) {
      this.report.counts.media.existing++;
      return known;
    }
    if (this.dryRun) {
      this.report.counts.media.uploaded++;
      return null;
    }
    try {
      const uploaded = await uploadImage({
        actor: this.options.actor,
        data: await file.read(),
        details: { altText: clip(storable(image.alt), 300), caption: clip(storable(image.caption), 300), credit: clip(storable(image.credit), 120) },
      });
      await db().importedItem.create({ data: { source: this.options.bundle.source, kind: "media", sourceId: file.key, targetId: uploaded.id } });
      this.map.set(file.key, uploaded.id);
      this.report.counts.media.uploaded++;
      return uploaded.id;
    } catch (error) {
      if (!isAppError(error) || error.code !== "INVALID") throw error;
      this.report.rejectedMedia.push({ url: image.url, reason: error.message });
      this.report.counts.media.rejected++;
      return null;
    }
  }
}

// ---------------------------------------------------------------- posts

type PreparedPost = { source: SourcePost; existingId: string | null; body: string; coverMediaId: string | null; notes: string[] };

async function preparePost(post: SourcePost, existingId: string | null, media: MediaImporter, report: ImportReport): Promise<PreparedPost> {
  if (existingId) return { source: post, existingId, body: "", coverMediaId: null, notes: [] };
  const converted = post.markdown !== undefined ? { markdown: post.markdown, notes: [] as string[] } : await htmlToMarkdown(post.html, { wordpress: report.format === "wordpress", resolveImage: (img) => media.url(img) });
  const cover = post.cover ? await media.get(post.cover) : null;
  const notes = [...(post.notes ?? []), ...converted.notes];
  let body = storable(converted.markdown);
  if (body.length > 200_000) notes.push("longer than the editor's 200 000 characters: imported whole, shorten it before editing");
  if (post.status === "SCHEDULED" && post.publishedAt && post.publishedAt.getTime() <= Date.now()) notes.push("scheduled for a date that has passed: published with that date");
  body = body.trim();
  return { source: post, existingId: null, body, coverMediaId: cover?.id ?? null, notes };
}

async function allocateSlugs(tx: Tx, posts: PreparedPost[], used: Set<string>): Promise<Map<PreparedPost, string>> {
  const wanted = posts.map((p) => slugify(p.source.slug) || slugify(p.source.title) || `post-${slugify(p.source.sourceId) || "imported"}`);
  const taken = new Set<string>();
  const [a, b] = await Promise.all([
    tx.post.findMany({ where: { slug: { in: wanted } }, select: { slug: true } }),
    tx.slugRedirect.findMany({ where: { fromSlug: { in: wanted } }, select: { fromSlug: true } }),
  ]);
  for (const r of a) taken.add(r.slug);
  for (const r of b) taken.add(r.fromSlug);
  const out = new Map<PreparedPost, string>();
  for (let i = 0; i < posts.length; i++) {
    let slug = wanted[i]!;
    if (taken.has(slug) || used.has(slug)) {
      // Duplicate slugs (WordPress allows them across statuses): slug-2, slug-3…
      for (let n = 2; ; n++) {
        const candidate = `${slug}-${n}`;
        if (used.has(candidate)) continue;
        const free = await uniquePostSlug(tx, candidate);
        if (free === candidate) {
          slug = candidate;
          break;
        }
      }
    }
    used.add(slug);
    out.set(posts[i]!, slug);
  }
  return out;
}

const STATUS_OF = { PUBLISHED: "PUBLISHED", SCHEDULED: "PUBLISHED", DRAFT: "DRAFT", IN_REVIEW: "IN_REVIEW" } as const;

async function writePosts(tx: Tx, actor: Actor, bundle: ImportBundle, batch: PreparedPost[], map: (kind: string) => Mapping, usedSlugs: Set<string>, runId: string | null, report: ImportReport) {
  const postMap = map("post");
  // A post converted before an earlier batch created it (the same id twice in a file) is not created twice.
  for (const p of batch) if (!p.existingId && postMap.has(p.source.sourceId)) p.existingId = postMap.get(p.source.sourceId)!;
  const fresh = batch.filter((p) => !p.existingId);
  const slugs = await allocateSlugs(tx, fresh, usedSlugs);
  const posts: Prisma.PostCreateManyInput[] = [];
  const tags: Prisma.PostTagCreateManyInput[] = [];
  const revisions: Prisma.PostRevisionCreateManyInput[] = [];
  const slugRedirects: Prisma.SlugRedirectCreateManyInput[] = [];
  const items: Prisma.ImportedItemCreateManyInput[] = [];
  const fallbackAuthor = actor.id;
  for (const p of fresh) {
    const s = p.source;
    const id = newId();
    const slug = slugs.get(p)!;
    const status = STATUS_OF[s.status];
    const authorId = (s.authorSourceId && map("user").get(s.authorSourceId)) || fallbackAuthor;
    if (!s.authorSourceId || !map("user").get(s.authorSourceId)) p.notes.push("no author in the export: attributed to the importing admin");
    const categoryId = s.sectionSourceId ? (map("category").get(s.sectionSourceId) ?? null) : null;
    const title = clip(storable(s.title).trim(), 200) || "(untitled)";
    const excerpt = clip(storable(s.excerpt).replace(/\s+/g, " ").trim(), 300);
    posts.push({
      id,
      title,
      slug,
      excerpt,
      body: p.body,
      status,
      publishedAt: status === "PUBLISHED" ? s.publishedAt : null,
      submittedAt: status === "IN_REVIEW" ? s.updatedAt : null,
      featured: status === "PUBLISHED" && s.featured,
      authorId,
      categoryId,
      coverMediaId: p.coverMediaId,
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
    });
    const tagTargets = new Set(s.tagSourceIds.map((t) => map("tag").get(t)).filter((t): t is string => !!t));
    for (const tagId of tagTargets) tags.push({ postId: id, tagId });
    revisions.push({ postId: id, authorId, title, excerpt, body: p.body, version: 1, reason: "import", createdAt: s.updatedAt });
    for (const old of s.oldSlugs) {
      const from = slugify(old);
      if (from && from !== slug) slugRedirects.push({ fromSlug: from, postId: id });
    }
    items.push({ source: bundle.source, kind: "post", sourceId: s.sourceId, targetId: id });
    postMap.set(s.sourceId, id);
    report.counts.posts.created++;
    report.counts.posts.byStatus[s.status] = (report.counts.posts.byStatus[s.status] ?? 0) + 1;
    if (p.notes.length) report.postNotes.push({ sourceId: s.sourceId, title, notes: p.notes });
  }
  report.counts.posts.existing += batch.length - fresh.length;
  if (posts.length) await tx.post.createMany({ data: posts });
  if (tags.length) await tx.postTag.createMany({ data: tags, skipDuplicates: true });
  if (revisions.length) await tx.postRevision.createMany({ data: revisions });
  if (slugRedirects.length) {
    // An old slug another post uses or already redirects from stays with that post.
    const clash = new Set([
      ...(await tx.post.findMany({ where: { slug: { in: slugRedirects.map((r) => r.fromSlug) } }, select: { slug: true } })).map((r) => r.slug),
    ]);
    await tx.slugRedirect.createMany({ data: slugRedirects.filter((r) => !clash.has(r.fromSlug)), skipDuplicates: true });
  }

  // Comments: for new posts, and any new ones on posts imported before.
  const commentMap = map("comment");
  const comments: Prisma.CommentCreateManyInput[] = [];
  for (const p of batch) {
    const postId = postMap.get(p.source.sourceId)!;
    for (const c of p.source.comments) {
      if (commentMap.has(c.sourceId)) {
        report.counts.comments.existing++;
        continue;
      }
      const authorId = map("commenter").get(commenterKey(c));
      const body = clip(storable(htmlToText(c.html)), 3000);
      if (!authorId || !body) {
        report.skipped.push({ kind: "comment", sourceId: c.sourceId, title: `comment by ${c.authorName} on “${p.source.title}”`, reason: body ? "no author" : "empty" });
        continue;
      }
      const id = newId();
      comments.push({ id, postId, authorId, body, status: c.status, createdAt: c.date, updatedAt: c.date });
      items.push({ source: bundle.source, kind: "comment", sourceId: c.sourceId, targetId: id });
      commentMap.set(c.sourceId, id);
      report.counts.comments.created++;
    }
  }
  if (comments.length) await tx.comment.createMany({ data: comments });

  // Old addresses of every post in the batch (new or not: a resume completes what is missing).
  const redirects: { path: string; target: string }[] = [];
  const slugOf = new Map<string, string>();
  const existingIds = batch.filter((p) => p.existingId).map((p) => p.existingId!);
  if (existingIds.length) for (const r of await tx.post.findMany({ where: { id: { in: existingIds } }, select: { id: true, slug: true } })) slugOf.set(r.id, r.slug);
  for (const p of fresh) slugOf.set(postMap.get(p.source.sourceId)!, slugs.get(p)!);
  for (const p of batch) {
    const target = `/posts/${slugOf.get(postMap.get(p.source.sourceId)!)}`;
    for (const url of p.source.oldUrls) redirects.push({ path: url, target });
  }
  if (items.length) await tx.importedItem.createMany({ data: items, skipDuplicates: true });
  await writeRedirects(tx, redirects, runId, report);
}

// ---------------------------------------------------------------- old addresses

async function writeRedirects(tx: Tx, list: { path: string; target: string }[], runId: string | null, report: ImportReport) {
  const byPath = new Map<string, string>();
  for (const { path, target } of list) {
    const key = legacyKeyOfUrl(path);
    if (!key || key === target || byPath.has(key)) continue;
    byPath.set(key, target);
  }
  // An old address that is also a live page here (Ghost's /tag/culture when a tag "culture" exists) stays that page.
  const live = { category: [] as string[], tag: [] as string[], posts: [] as string[], authors: [] as string[] };
  for (const key of byPath.keys()) {
    const m = /^\/(category|tag|posts|authors)\/([^/?]+)$/.exec(key);
    if (m) live[m[1] as keyof typeof live].push(m[2]!);
  }
  const shadowed = new Set<string>();
  if (live.category.length) for (const r of await tx.category.findMany({ where: { slug: { in: live.category } }, select: { slug: true } })) shadowed.add(`/category/${r.slug}`);
  if (live.tag.length) for (const r of await tx.tag.findMany({ where: { slug: { in: live.tag } }, select: { slug: true } })) shadowed.add(`/tag/${r.slug}`);
  if (live.posts.length) for (const r of await tx.post.findMany({ where: { slug: { in: live.posts } }, select: { slug: true } })) shadowed.add(`/posts/${r.slug}`);
  if (live.authors.length) for (const r of await tx.user.findMany({ where: { username: { in: live.authors } }, select: { username: true } })) shadowed.add(`/authors/${r.username}`);
  for (const key of shadowed) byPath.delete(key);
  if (byPath.size === 0) return;
  const existing = await tx.legacyRedirect.findMany({ where: { path: { in: [...byPath.keys()] } }, select: { path: true, target: true } });
  const known = new Map(existing.map((r) => [r.path, r.target]));
  const rows: Prisma.LegacyRedirectCreateManyInput[] = [];
  for (const [path, target] of byPath) {
    const had = known.get(path);
    if (had === undefined) rows.push({ path, target, importRunId: runId });
    else if (had === target) report.counts.redirects.existing++;
    else report.counts.redirects.conflicting++;
  }
  if (rows.length) await tx.legacyRedirect.createMany({ data: rows, skipDuplicates: true });
  report.counts.redirects.created += rows.length;
  for (const r of rows) if (report.redirectSample.length < 50) report.redirectSample.push({ from: r.path, to: r.target });
}

async function writeSiteRedirects(tx: Tx, bundle: ImportBundle, map: (kind: string) => Mapping, runId: string | null, report: ImportReport) {
  const list: { path: string; target: string }[] = [];
  const ids = (kind: string) => [...map(kind).values()];
  const [cats, tags, users] = await Promise.all([
    tx.category.findMany({ where: { id: { in: ids("category") } }, select: { id: true, slug: true } }),
    tx.tag.findMany({ where: { id: { in: ids("tag") } }, select: { id: true, slug: true } }),
    tx.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, username: true } }),
  ]);
  const catSlug = new Map(cats.map((c) => [c.id, c.slug]));
  const tagSlug = new Map(tags.map((t) => [t.id, t.slug]));
  const username = new Map(users.map((u) => [u.id, u.username]));
  for (const term of bundle.terms) {
    // A category that became a section answers at its section; one only used as a tag at its tag.
    const sectionId = term.kind === "category" ? map("category").get(term.sourceId) : undefined;
    const tagId = map("tag").get(term.sourceId);
    const target = sectionId ? `/category/${catSlug.get(sectionId)}` : tagId ? `/tag/${tagSlug.get(tagId)}` : null;
    if (!target) continue;
    const feedTarget = sectionId ? `${target}/feed.xml` : target;
    for (const url of term.oldUrls) list.push({ path: url, target });
    for (const url of term.oldFeedUrls) list.push({ path: url, target: feedTarget });
  }
  for (const u of bundle.users as SourceUser[]) {
    const id = map("user").get(u.sourceId);
    const name = id ? username.get(id) : undefined;
    if (name) for (const url of u.oldUrls) list.push({ path: url, target: `/authors/${name}` });
  }
  for (const url of bundle.feedUrls) list.push({ path: url, target: "/feed.xml" });
  await writeRedirects(tx, list, runId, report);
}

