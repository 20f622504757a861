import type { Role } from "@/generated/prisma/enums";

/**
 * What every import format is read into before anything is written: the
 * readers (wordpress.ts, ghost.ts) only parse and map, the engine
 * (run-import.ts) only writes. A file is read whole first, so a malformed one
 * stops before the database is touched.
 */

export type ImportStatus = "PUBLISHED" | "SCHEDULED" | "DRAFT" | "IN_REVIEW";

export type SourceUser = {
  sourceId: string;
  login: string;
  email: string;
  displayName: string;
  role: Role;
  bio: string;
  /** Old addresses of the author's page, paths or absolute URLs. */
  oldUrls: string[];
};

export type SourceTerm = {
  sourceId: string;
  kind: "category" | "tag";
  name: string;
  slug: string;
  description: string;
  /** Old addresses of the term's page (and its feed, pointed at the same place). */
  oldUrls: string[];
  oldFeedUrls: string[];
};

export type SourceImage = { url: string; alt: string; caption: string; credit: string };

export type SourceComment = {
  sourceId: string;
  parentSourceId: string | null;
  authorName: string;
  authorEmail: string;
  date: Date;
  /** HTML (WordPress allows a few tags in comments). */
  html: string;
  status: "APPROVED" | "PENDING";
};

export type SourcePost = {
  sourceId: string;
  /** Pages become posts in a section of their own (WordPress: only with --pages). */
  type: "post" | "page";
  title: string;
  slug: string;
  oldSlugs: string[];
  status: ImportStatus;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  authorSourceId: string | null;
  html: string;
  /** Already Markdown (a Ghost Mobiledoc markdown card): used as is instead of html. */
  markdown?: string;
  excerpt: string;
  sectionSourceId: string | null;
  /** Tags, and categories beyond the section (they become tags). */
  tagSourceIds: string[];
  featured: boolean;
  cover: SourceImage | null;
  comments: SourceComment[];
  oldUrls: string[];
  /** What the reader noticed about this post (shown in the report). */
  notes?: string[];
};

export type SkippedItem = { kind: string; sourceId: string; title: string; reason: string };

export type ImportBundle = {
  format: string;
  /** Identifies the exported site: ImportedItem rows are keyed by it. */
  source: string;
  /** The old site's address, to turn absolute URLs into paths. */
  siteUrls: string[];
  users: SourceUser[];
  terms: SourceTerm[];
  posts: SourcePost[];
  /** Old site-wide feed addresses (/feed/, /rss/ …) → the site feed. */
  feedUrls: string[];
  skipped: SkippedItem[];
  notes: string[];
};

/** A file the reader cannot use: the message names the line or field at fault. */
export class ImportFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFileError";
  }
}
