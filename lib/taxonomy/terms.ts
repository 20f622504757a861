import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Tx } from "@/lib/db";
import { isVisibleToReaders, readerEffect, type ReaderEffect } from "@/lib/cache/reader-effect";
import { optionalSlugSchema, slugify } from "@/lib/posts/slug";

export const TAXONOMY_KINDS = ["category", "tag"] as const;
export type TaxonomyKind = (typeof TAXONOMY_KINDS)[number];
export const KIND_LABEL: Record<TaxonomyKind, string> = { category: "Category", tag: "Tag" };

export const termFields = {
  kind: z.enum(TAXONOMY_KINDS),
  name: z.string().trim().min(1, "Enter a name.").max(60, "Use at most 60 characters."),
  slug: optionalSlugSchema,
  description: z.string().trim().max(500, "Use at most 500 characters.").default(""),
};

export type Term = { id: string; name: string; slug: string; description: string };

export async function findTerm(tx: Tx, kind: TaxonomyKind, id: string): Promise<Term | null> {
  return kind === "category" ? tx.category.findUnique({ where: { id } }) : tx.tag.findUnique({ where: { id } });
}

export async function requireTerm(tx: Tx, kind: TaxonomyKind, id: string): Promise<Term> {
  // Lock the row: concurrent renames/merges of the same term serialise.
  if (kind === "category") await tx.$queryRaw`SELECT id FROM "Category" WHERE id = ${id} FOR UPDATE`;
  else await tx.$queryRaw`SELECT id FROM "Tag" WHERE id = ${id} FOR UPDATE`;
  const term = await findTerm(tx, kind, id);
  if (!term) throw new AppError("NOT_FOUND", `That ${kind} does not exist.`);
  return term;
}

/** The name and slug must be free among terms of the same kind (other than `exceptId`). */
export async function assertTermFree(tx: Tx, kind: TaxonomyKind, name: string, slug: string, exceptId?: string): Promise<void> {
  const delegateWhere = { OR: [{ name: { equals: name, mode: "insensitive" as const } }, { slug }], ...(exceptId ? { NOT: { id: exceptId } } : {}) };
  const clash = kind === "category" ? await tx.category.findFirst({ where: delegateWhere }) : await tx.tag.findFirst({ where: delegateWhere });
  if (!clash) return;
  if (clash.name.toLowerCase() === name.toLowerCase()) {
    throw new AppError("CONFLICT", `Another ${kind} already has that name.`, { name: [`Another ${kind} already has that name.`] });
  }
  throw new AppError("CONFLICT", `Another ${kind} already uses that slug.`, { slug: [`Another ${kind} already uses that slug.`] });
}

export function slugFor(name: string, slug: string): string {
  const result = slug || slugify(name);
  if (!result) throw new AppError("INVALID", "Enter a slug with letters or digits.", { slug: ["Enter a slug with letters or digits."] });
  return result;
}

/**
 * Old slug → new slug. Earlier redirects to the old slug are pointed at the new
 * one (no chains), and a redirect away from the new slug is dropped (the slug
 * belongs to a live term again).
 */
export async function addTaxonomyRedirect(tx: Tx, kind: TaxonomyKind, fromSlug: string, toSlug: string): Promise<void> {
  await tx.taxonomyRedirect.deleteMany({ where: { kind, fromSlug: toSlug } });
  await tx.taxonomyRedirect.updateMany({ where: { kind, toSlug: fromSlug }, data: { toSlug } });
  await tx.taxonomyRedirect.upsert({
    where: { kind_fromSlug: { kind, fromSlug } },
    create: { kind, fromSlug, toSlug },
    update: { toSlug },
  });
}

/** Old slugs that currently redirect to `slug` (they answer differently when it moves or goes). */
export async function redirectsTo(tx: Tx, kind: TaxonomyKind, slug: string): Promise<string[]> {
  const rows = await tx.taxonomyRedirect.findMany({ where: { kind, toSlug: slug }, select: { fromSlug: true } });
  return rows.map((r) => r.fromSlug);
}

/**
 * A tag that no longer exists (deleted, or merged into another): its page and
 * the old addresses that redirected to it answer differently, its list is
 * gone, and the live articles that carried it no longer show its link.
 */
export function tagGoneEffect(
  tag: { id: string; slug: string },
  posts: { id: string; status: string; publishedAt: Date | null; hiddenAt: Date | null }[],
  redirected: string[],
  extra: Partial<ReaderEffect> = {},
): ReaderEffect {
  return readerEffect({
    posts: [...new Set(posts.filter((p) => isVisibleToReaders(p)).map((p) => p.id))],
    tags: [tag.id],
    tagSlugs: [tag.slug, ...redirected],
    lists: [`tag:${tag.id}`],
    ...extra,
  });
}
