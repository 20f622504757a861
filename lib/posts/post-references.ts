import { z } from "zod";
import type { Tx } from "@/lib/db";
import { canOnMedia, type Actor } from "@/lib/authz/permissions";
import { AppError } from "@/lib/errors";
import { diffFields, recordAudit } from "@/lib/audit/record";
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

/**
 * Puts the chosen cover on a post and stores its alt text, caption and credit,
 * under canOnMedia's rule: a newly chosen image must be one the actor may use
 * (their own upload, or anyone's for editors and admins); a cover already on
 * the post stays whoever uploaded it. Changing its details needs editDetails;
 * details sent back unchanged (the editor sends them on every save) are not a
 * change. An editor's change to someone else's image is audited as
 * media.update. Returns whether the image's details changed.
 */
export async function attachCoverImage(
  tx: Tx,
  actor: Actor,
  cover: { coverMediaId: string | null; coverDetails?: z.output<typeof coverDetailsSchema>; currentCoverMediaId: string | null },
): Promise<boolean> {
  if (!cover.coverMediaId) return false;
  const media = await tx.media.findUnique({
    where: { id: cover.coverMediaId },
    select: { id: true, uploaderId: true, altText: true, caption: true, credit: true },
  });
  if (!media) throw new AppError("INVALID", "That cover image no longer exists; upload it again.", { coverMediaId: ["That cover image no longer exists; upload it again."] });
  if (media.id !== cover.currentCoverMediaId && !canOnMedia(actor, "use", media)) {
    const message = "You can only use images you uploaded as a cover. Upload the image yourself, or ask an editor.";
    throw new AppError("FORBIDDEN", message, { coverMediaId: [message] });
  }
  if (!cover.coverDetails) return false;
  const changes = diffFields({ altText: media.altText, caption: media.caption, credit: media.credit }, cover.coverDetails);
  if (!Object.keys(changes).length) return false;
  if (!canOnMedia(actor, "editDetails", media)) {
    const message = "Only the person who uploaded this image, or an editor, can change its alt text, caption or credit.";
    throw new AppError("FORBIDDEN", message, { coverMediaId: [message] });
  }
  await tx.media.update({ where: { id: media.id }, data: cover.coverDetails });
  // The same image may illustrate other articles: someone else's change to it is editorial.
  if (media.uploaderId !== actor.id) await recordAudit(tx, { actorId: actor.id, action: "media.update", targetType: "media", targetId: media.id, changes });
  return true;
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
