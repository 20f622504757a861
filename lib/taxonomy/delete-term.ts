import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase } from "@/lib/use-case";
import { SITE_WIDE_EFFECT } from "@/lib/cache/reader-effect";
import { recordAudit } from "@/lib/audit/record";
import { redirectsTo, requireTerm, TAXONOMY_KINDS, tagGoneEffect } from "@/lib/taxonomy/terms";

export const deleteTermInput = z.object({ kind: z.enum(TAXONOMY_KINDS), id: z.string().min(1) });

/**
 * Deletes a category or tag. Posts keep working: a deleted category leaves
 * its posts without a section, a deleted tag is removed from its posts.
 * Redirects to it are dropped (they would lead nowhere). Readers: a section
 * leaves the header of every page (site-wide); a tag leaves the articles that
 * carried it, and its address (and the old ones that redirected to it) stops answering.
 */
export const deleteTerm = defineUseCase({
  id: "taxonomy.deleteTerm",
  input: deleteTermInput,
  permission: "taxonomy.manage",
  async run(actor, { kind, id }) {
    return db().$transaction(async (tx) => {
      const term = await requireTerm(tx, kind, id);
      const postSelect = { id: true, status: true, publishedAt: true, hiddenAt: true } as const;
      const posts =
        kind === "category"
          ? await tx.post.findMany({ where: { categoryId: id }, select: postSelect })
          : (await tx.postTag.findMany({ where: { tagId: id }, select: { post: { select: postSelect } } })).map((l) => l.post);
      const redirected = await redirectsTo(tx, kind, term.slug);
      if (kind === "category") await tx.category.delete({ where: { id } });
      else await tx.tag.delete({ where: { id } });
      await tx.taxonomyRedirect.deleteMany({ where: { kind, toSlug: term.slug } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: `${kind}.delete`,
        targetType: kind,
        targetId: term.id,
        changes: { name: { from: term.name, to: null }, slug: { from: term.slug, to: null }, description: { from: term.description, to: null }, posts: { from: posts.length, to: 0 } },
      });
      return {
        result: { kind, term },
        effect: kind === "category" ? SITE_WIDE_EFFECT : tagGoneEffect(term, posts, redirected),
      };
    });
  },
});
