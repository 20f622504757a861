import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase, unseen } from "@/lib/use-case";
import { uniquePostSlug, optionalSlugSchema } from "@/lib/posts/slug";
import { assertReferencesExist, assertSlugFree, attachCoverImage, coverDetailsSchema, resolveTagIds, tagNamesSchema } from "@/lib/posts/post-references";

/** The fields an author edits. No status, author or publish date: those change only through transitions. */
export const postContentInput = z.object({
  title: z.string().trim().min(1, "Enter a title.").max(200, "Use at most 200 characters."),
  body: z.string().max(200_000, "The post is too long.").default(""),
  excerpt: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  slug: optionalSlugSchema,
  categoryId: z.string().min(1).nullable().default(null),
  tagIds: z.array(z.string().min(1)).max(20).default([]),
  /** Tags by name (the editor's "pick or create"); added to tagIds, created when new. */
  tagNames: tagNamesSchema.optional(),
  coverMediaId: z.string().min(1).nullable().default(null),
  /** Alt text, caption and credit of the chosen cover image. */
  coverDetails: coverDetailsSchema.optional(),
});
export type PostContentInput = z.input<typeof postContentInput>;

/** A new draft, owned by the actor. Drafts are invisible to readers. */
export const createPost = defineUseCase({
  id: "post.create",
  input: postContentInput,
  permission: "post.create",
  async run(actor, data) {
    return db().$transaction(async (tx) => {
      if (data.slug) await assertSlugFree(tx, data.slug);
      await assertReferencesExist(tx, { categoryId: data.categoryId, coverMediaId: data.coverMediaId, tagIds: data.tagIds });
      const tagIds = [...new Set([...data.tagIds, ...(data.tagNames ? await resolveTagIds(tx, actor, data.tagNames) : [])])];
      const slug = data.slug || (await uniquePostSlug(tx, data.title));
      const post = await tx.post.create({
        data: {
          title: data.title,
          body: data.body,
          excerpt: data.excerpt,
          slug,
          authorId: actor.id,
          categoryId: data.categoryId,
          coverMediaId: data.coverMediaId,
          tags: { create: tagIds.map((tagId) => ({ tagId })) },
        },
      });
      await attachCoverImage(tx, actor, { coverMediaId: data.coverMediaId, coverDetails: data.coverDetails, currentCoverMediaId: null });
      await tx.postRevision.create({
        data: { postId: post.id, authorId: actor.id, title: post.title, excerpt: post.excerpt, body: post.body, version: post.version, reason: "create" },
      });
      return unseen(post);
    });
  },
});

