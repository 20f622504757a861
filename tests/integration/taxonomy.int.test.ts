import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTerm } from "@/lib/taxonomy/create-term";
import { updateTerm } from "@/lib/taxonomy/update-term";
import { mergeTags } from "@/lib/taxonomy/merge-tags";
import { deleteTerm } from "@/lib/taxonomy/delete-term";
import { resolveTaxonomyRedirect } from "@/lib/taxonomy/resolve-taxonomy-redirect";
import { listTermsForAdmin, TERMS_PER_PAGE } from "@/lib/taxonomy/list-terms";
import { publicPostBySlug } from "@/lib/posts/public-posts";
import { createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";

describe("categories and tags", () => {
  it("[EDITOR] creates a category with a slug from its name; duplicates are field errors", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const name = `Local Politics ${uniqueId()}`;
    const category = await createTerm({ actor: editor, input: { kind: "category", name, description: "Council and more" } });
    expect(category.slug).toBe(name.toLowerCase().replace(/ /g, "-"));
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "category.create", targetId: category.id } });
    expect(audit.changes).toMatchObject({ name: { from: null, to: name }, slug: { from: null, to: category.slug } });
    const dup = await createTerm({ actor: editor, input: { kind: "category", name: name.toUpperCase() } }).catch((e: unknown) => e);
    expect((dup as AppError).code).toBe("CONFLICT");
    expect((dup as AppError).fieldErrors?.name).toBeDefined();
  });

  it("[EDITOR] renaming a slug keeps a redirect from the old one, without chains", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const base = uniqueId("c");
    const category = await createTerm({ actor: editor, input: { kind: "category", name: base, slug: `${base}-one` } });
    await updateTerm({ actor: editor, input: { kind: "category", id: category.id, name: base, slug: `${base}-two`, description: "" } });
    expect(await resolveTaxonomyRedirect("category", `${base}-one`)).toBe(`${base}-two`);
    await updateTerm({ actor: editor, input: { kind: "category", id: category.id, name: base, slug: `${base}-three`, description: "" } });
    expect(await resolveTaxonomyRedirect("category", `${base}-one`)).toBe(`${base}-three`);
    expect(await resolveTaxonomyRedirect("category", `${base}-two`)).toBe(`${base}-three`);
    expect(await resolveTaxonomyRedirect("tag", `${base}-one`)).toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "category.rename", targetId: category.id }, orderBy: { createdAt: "desc" } });
    expect(audit.changes).toEqual({ slug: { from: `${base}-two`, to: `${base}-three` } });
    // Renaming back reclaims the old slug: it stops redirecting.
    await updateTerm({ actor: editor, input: { kind: "category", id: category.id, name: base, slug: `${base}-one`, description: "" } });
    expect(await resolveTaxonomyRedirect("category", `${base}-one`)).toBeNull();
    expect(await resolveTaxonomyRedirect("category", `${base}-three`)).toBe(`${base}-one`);
  });

  it("[EDITOR] describing a tag is audited as a description change", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const tag = await createTerm({ actor: editor, input: { kind: "tag", name: `T ${uniqueId()}` } });
    await updateTerm({ actor: editor, input: { kind: "tag", id: tag.id, name: tag.name, slug: tag.slug, description: "All about it" } });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "tag.describe", targetId: tag.id } });
    expect(audit.changes).toEqual({ description: { from: "", to: "All about it" } });
  });

  it("[EDITOR] merging tags moves post links (no duplicates), deletes the source and redirects it", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const source = await createTerm({ actor: editor, input: { kind: "tag", name: `Src ${uniqueId()}` } });
    const target = await createTerm({ actor: editor, input: { kind: "tag", name: `Dst ${uniqueId()}` } });
    const onlySource = await createTestPost({ author, input: { tagIds: [source.id] }, publish: true });
    const both = await createTestPost({ author, input: { tagIds: [source.id, target.id] }, publish: true });
    const result = await mergeTags({ actor: editor, input: { source: source.slug, target: target.slug } });
    expect(result.postsMoved).toBe(1);
    expect(await db().tag.findUnique({ where: { id: source.id } })).toBeNull();
    for (const post of [onlySource, both]) {
      expect(await db().postTag.findMany({ where: { postId: post.id }, select: { tagId: true } })).toEqual([{ tagId: target.id }]);
    }
    expect(await resolveTaxonomyRedirect("tag", source.slug)).toBe(target.slug);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "tag.merge", targetId: source.id } });
    expect(audit.changes).toMatchObject({ mergedInto: { to: { id: target.id, slug: target.slug } }, source: { from: { slug: source.slug, posts: 2 } } });
  });

  it("[EDITOR] deleting a category or tag leaves its posts published and readable", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const category = await createTerm({ actor: editor, input: { kind: "category", name: `Gone ${uniqueId()}` } });
    const tag = await createTerm({ actor: editor, input: { kind: "tag", name: `Gone ${uniqueId()}` } });
    const post = await createTestPost({ author, input: { categoryId: category.id, tagIds: [tag.id] }, publish: true });
    await deleteTerm({ actor: editor, input: { kind: "category", id: category.id } });
    await deleteTerm({ actor: editor, input: { kind: "tag", id: tag.id } });
    const row = await db().post.findUniqueOrThrow({ where: { id: post.id }, include: { tags: true } });
    expect(row.categoryId).toBeNull();
    expect(row.tags).toEqual([]);
    expect(await publicPostBySlug(row.slug)).not.toBeNull();
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "category.delete", targetId: category.id } });
    expect(audit.changes).toMatchObject({ name: { from: category.name, to: null }, posts: { from: 1, to: 0 } });
  });

  it("[EDITOR] merging a tag into itself is refused", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const tag = await createTerm({ actor: editor, input: { kind: "tag", name: `Self ${uniqueId()}` } });
    await expect(mergeTags({ actor: editor, input: { source: tag.slug, target: tag.name } })).rejects.toMatchObject({ code: "INVALID" });
  });

  it("[EDITOR] the tag list is paginated and searchable by name or slug, with post counts and redirects", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const author = await createTestUser({ role: "AUTHOR" });
    const prefix = uniqueId("pg");
    const tags = [];
    for (const letter of ["e", "d", "c", "b", "a"]) tags.push(await createTerm({ actor: editor, input: { kind: "tag", name: `${prefix} ${letter}` } }));
    await createTestPost({ author, input: { tagIds: [tags[4]!.id] }, publish: true });
    await updateTerm({ actor: editor, input: { kind: "tag", id: tags[4]!.id, name: `${prefix} a`, slug: `${prefix}-renamed`, description: "" } });

    const first = await listTermsForAdmin(editor, "tag", { q: prefix, page: 1, perPage: 2 });
    expect(first).toMatchObject({ total: 5, page: 1, pages: 3 });
    expect(first.terms.map((t) => t.name)).toEqual([`${prefix} a`, `${prefix} b`]);
    expect(first.terms[0]).toMatchObject({ posts: 1, redirectsFrom: [`${prefix}-a`] });
    const last = await listTermsForAdmin(editor, "tag", { q: prefix, page: 3, perPage: 2 });
    expect(last.terms.map((t) => t.name)).toEqual([`${prefix} e`]);
    // By slug too (the renamed one), and the LIKE wildcards match themselves.
    expect((await listTermsForAdmin(editor, "tag", { q: `${prefix}-renamed` })).terms.map((t) => t.id)).toEqual([tags[4]!.id]);
    expect((await listTermsForAdmin(editor, "tag", { q: `${prefix}%` })).total).toBe(0);
    // Without a search: at most a page.
    const all = await listTermsForAdmin(editor, "tag");
    expect(all.terms.length).toBeLessThanOrEqual(TERMS_PER_PAGE);
    expect(all.total).toBeGreaterThanOrEqual(5);
  });

  it("[EDITOR] merging finds tags by slug or by name in any case; an unknown one is a field error", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const source = await createTerm({ actor: editor, input: { kind: "tag", name: `Merge Me ${uniqueId()}` } });
    const target = await createTerm({ actor: editor, input: { kind: "tag", name: `Into Me ${uniqueId()}` } });
    const missing = await mergeTags({ actor: editor, input: { source: source.slug, target: "no-such-tag-anywhere" } }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(AppError);
    expect((missing as AppError).fieldErrors?.target).toBeDefined();
    const empty = await mergeTags({ actor: editor, input: { source: "  ", target: target.slug } }).catch((e: unknown) => e);
    expect((empty as AppError).fieldErrors?.source).toEqual(["Type the tag to merge."]);
    const reader = await createTestUser();
    await expect(mergeTags({ actor: reader, input: { source: source.slug, target: target.slug } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const merged = await mergeTags({ actor: editor, input: { source: `  ${source.name.toUpperCase()} `, target: target.slug } });
    expect([merged.source.id, merged.target.id]).toEqual([source.id, target.id]);
  });
});
