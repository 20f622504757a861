import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { defineUseCase } from "@/lib/use-case";
import { recordAudit } from "@/lib/audit/record";
import { addTaxonomyRedirect, redirectsTo, requireTerm, tagGoneEffect } from "@/lib/taxonomy/terms";

/** What the editor typed into the merge form: each tag by its slug, or its name in any case. */
export const mergeTagsInput = z.object({
  source: z.string().trim().min(1, "Type the tag to merge."),
  target: z.string().trim().min(1, "Type the tag to merge into."),
});

/**
 * Moves every post of the source tag to the target tag (posts that had both
 * keep one link), deletes the source and redirects its address to the target.
 * Readers: the source is gone (tagGoneEffect: its page, old addresses, list and
 * the live articles that showed it), and the target's list gains its posts.
 */
export const mergeTags = defineUseCase({
  id: "taxonomy.mergeTags",
  input: mergeTagsInput,
  permission: "taxonomy.manage",
  async run(actor, input) {
    return db().$transaction(async (tx) => {
      const sourceId = (await findTagForMerge(tx, input.source, "source")).id;
      const targetId = (await findTagForMerge(tx, input.target, "target")).id;
      if (sourceId === targetId) throw new AppError("INVALID", "Choose two different tags.", { target: ["Choose two different tags."] });
      // Lock in a fixed order so two opposite merges cannot deadlock.
      const [first, second] = [sourceId, targetId].sort();
      const locked = new Map([[first!, await requireTerm(tx, "tag", first!)], [second!, await requireTerm(tx, "tag", second!)]]);
      const source = locked.get(sourceId)!;
      const target = locked.get(targetId)!;
      const links = await tx.postTag.findMany({ where: { tagId: source.id }, select: { post: { select: { id: true, status: true, publishedAt: true, hiddenAt: true } } } });
      const redirected = await redirectsTo(tx, "tag", source.slug);
      const moved = await tx.postTag.createMany({ data: links.map((l) => ({ postId: l.post.id, tagId: target.id })), skipDuplicates: true });
      await tx.tag.delete({ where: { id: source.id } }); // cascades the source's links
      await addTaxonomyRedirect(tx, "tag", source.slug, target.slug);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "tag.merge",
        targetType: "tag",
        targetId: source.id,
        changes: {
          mergedInto: { from: null, to: { id: target.id, name: target.name, slug: target.slug } },
          source: { from: { name: source.name, slug: source.slug, posts: links.length }, to: null },
        },
      });
      const posts = links.map((l) => l.post);
      return {
        result: { source, target, postsMoved: moved.count, postIds: posts.map((p) => p.id) },
        effect: tagGoneEffect(source, posts, redirected, { lists: [`tag:${source.id}`, `tag:${target.id}`] }),
      };
    });
  },
});

/**
 * The tag an editor typed into the merge form: its slug, or its name in any
 * case. `field` names the form field for the error.
 */
async function findTagForMerge(tx: Tx, text: string, field: "source" | "target"): Promise<{ id: string }> {
  const tag =
    (await tx.tag.findUnique({ where: { slug: text.toLowerCase() }, select: { id: true } })) ??
    (await tx.tag.findFirst({ where: { name: { equals: text, mode: "insensitive" } }, select: { id: true } }));
  if (!tag) throw new AppError("INVALID", `There is no tag “${text}”.`, { [field]: [`There is no tag “${text}”. Type its name or slug.`] });
  return tag;
}
