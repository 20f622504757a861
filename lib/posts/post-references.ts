import { z } from "zod";
import type { Tx } from "@/lib/db";
import type { Actor } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { slugify } from "@/lib/posts/slug";

/** Tags typed in the editor: existing ones are matched by slug, new ones are created. */
export const tagNamesSchema = z
  .array(z.string().trim().min(1).max(50, "Tags are at most 50 characters."))
  .max(20, "Use at most 20 tags.");

export const coverDetailsSchema = z.object({
  altText: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  caption: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  credit: z.string().trim().max(120, "Use at most 120 characters.").default(""),
});

/** Ids of the named tags, creating the missing ones (audited). */
export async function resolveTagIds(tx: Tx, actor: Actor, names: string[]): Promise<string[]> {
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const slug = slugify(name);
    if (!slug || seen.has(slug)) continue;
    seen.add(slug);
    const existing = await tx.tag.findFirst({ where: { OR: [{ slug }, { name: { equals: name, mode: "insensitive" } }] }, select: { id: true } });
    if (existing) {
      ids.push(existing.id);
      continue;
    }
    const created = await tx.tag.create({ data: { name, slug }, select: { id: true } });
    await recordAudit(tx, { actorId: actor.id, action: "tag.create", targetType: "tag", targetId: created.id, changes: { name: { from: null, to: name } } });
    ids.push(created.id);
  }
  return ids;
}

/** Unknown ids are the user's mistake (a stale form), not a server error. */
export async function assertReferencesExist(tx: Tx, refs: { categoryId?: string | null; coverMediaId?: string | null; tagIds?: string[] }) {
  if (refs.categoryId && !(await tx.category.findUnique({ where: { id: refs.categoryId }, select: { id: true } }))) {
    throw new AppError("INVALID", "That category no longer exists.", { categoryId: ["That category no longer exists."] });
  }
  if (refs.coverMediaId && !(await tx.media.findUnique({ where: { id: refs.coverMediaId }, select: { id: true } }))) {
    throw new AppError("INVALID", "That cover image no longer exists; upload it again.", { coverMediaId: ["That cover image no longer exists; upload it again."] });
  }
  if (refs.tagIds?.length) {
    const found = await tx.tag.count({ where: { id: { in: refs.tagIds } } });
    if (found !== new Set(refs.tagIds).size) throw new AppError("INVALID", "A tag no longer exists.", { tags: ["A tag no longer exists."] });
  }
}

/** A slug no other post uses, now or as an old slug that redirects. */
export async function assertSlugFree(tx: Tx, slug: string, postId?: string) {
  const [post, redirect] = await Promise.all([
    tx.post.findUnique({ where: { slug }, select: { id: true } }),
    tx.slugRedirect.findUnique({ where: { fromSlug: slug }, select: { postId: true } }),
  ]);
  if ((post && post.id !== postId) || (redirect && redirect.postId !== postId)) {
    throw new AppError("CONFLICT", "That slug is already used by another post.", { slug: ["That slug is already used by another post."] });
  }
}
