import { z } from "zod";
import { parseInput } from "@/lib/validation/parse-input";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { recordAudit } from "@/lib/audit/record";
import { addTaxonomyRedirect, requireTerm } from "@/lib/taxonomy/terms";

export const mergeTagsInput = z.object({
  sourceId: z.string().min(1, "Choose the tag to merge."),
  targetId: z.string().min(1, "Choose the tag to merge into."),
});

/**
 * Moves every post of the source tag to the target tag (posts that had both
 * keep one link), deletes the source and redirects its address to the target.
 */
export async function mergeTags({ actor, input }: { actor: Actor; input: z.input<typeof mergeTagsInput> }) {
  assertCan(actor, "taxonomy.manage");
  const { sourceId, targetId } = parseInput(mergeTagsInput, input);
  if (sourceId === targetId) throw new AppError("INVALID", "Choose two different tags.", { targetId: ["Choose two different tags."] });
  return db().$transaction(async (tx) => {
    // Lock in a fixed order so two opposite merges cannot deadlock.
    const [first, second] = [sourceId, targetId].sort();
    const locked = new Map([[first!, await requireTerm(tx, "tag", first!)], [second!, await requireTerm(tx, "tag", second!)]]);
    const source = locked.get(sourceId)!;
    const target = locked.get(targetId)!;
    const links = await tx.postTag.findMany({ where: { tagId: source.id }, select: { postId: true } });
    const moved = await tx.postTag.createMany({ data: links.map((l) => ({ postId: l.postId, tagId: target.id })), skipDuplicates: true });
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
    return { source, target, postsMoved: moved.count, postIds: links.map((l) => l.postId) };
  });
}
