import "server-only";
import { isLookupKey } from "@/lib/validation/text";
import { cache } from "react";
import { anyPostBySlugForPreview, currentSlugFor, isPublic, publicPostBySlug, updatedAfterPublishing, type Article, type PostCard } from "@/lib/posts/public-posts";
import { relatedPosts } from "@/lib/posts/related-posts";
import { renderMarkdown, readingMinutes, wordCount } from "@/lib/markdown/render";
import { canOnPost, type Actor } from "@/lib/authz/permissions";
import { listPublicComments } from "@/lib/comments/list-comments";

export type ArticlePageData = {
  post: Article;
  html: string;
  readingMinutes: number;
  wordCount: number;
  updatedAt: Date | null;
  related: PostCard[];
  /** False when the author wrote their own "You might also want to read:" line into the body. */
  suggestRelated: boolean;
};

const HAND_PICKED_RELATED = /^\W*you might also want to read\b/im;

export type ArticleLookup = { kind: "article"; data: ArticlePageData; preview: string | null } | { kind: "redirect"; slug: string } | { kind: "missing" };

/** Related articles shown under an article. */
const RELATED_COUNT = 5;

/** `relatedQuery`: the related block already asked for (a public article's, from its slug), else ranked from the post. */
async function pageData(post: Article, relatedQuery?: Promise<PostCard[]>): Promise<ArticlePageData> {
  relatedQuery ??= relatedPosts({ id: post.id, categoryId: post.categoryId, tagIds: post.tags.map((t) => t.tag.id) }, RELATED_COUNT);
  relatedQuery.catch(() => undefined); // awaited below: a failure is not "unhandled" while the body renders
  // Lets queries already started go out, so the database runs them while the body renders here.
  await new Promise((sent) => setImmediate(sent));
  const html = renderMarkdown(post.body);
  const related = await relatedQuery;
  return {
    post,
    html,
    readingMinutes: readingMinutes(post.body),
    wordCount: wordCount(post.body),
    updatedAt: updatedAfterPublishing(post),
    related,
    suggestRelated: !HAND_PICKED_RELATED.test(post.body),
  };
}

/**
 * What a reader gets at /posts/<slug>: the article (its author, cover and
 * tags joined in SQL) and its related articles ranked beside it, then their
 * cards and the comments side by side: two round trips to the database; a
 * redirect for an old slug, or nothing. Deduplicated per request, so metadata
 * and page share one lookup.
 */
export const publicArticle = cache(async (slug: string): Promise<ArticleLookup> => {
  if (!isLookupKey(slug)) return { kind: "missing" };
  // Ranked from the slug, beside the article's own query (nothing when there is no public article there).
  const related = relatedPosts({ publicSlug: slug }, RELATED_COUNT);
  related.catch(() => undefined);
  const post = await publicPostBySlug(slug);
  if (post) {
    // Started now so its query runs beside the related articles' (the comments section awaits the same result).
    listPublicComments(post.id).catch(() => undefined);
    return { kind: "article", data: await pageData(post, related), preview: null };
  }
  const current = await currentSlugFor(slug);
  if (current && current !== slug) return { kind: "redirect", slug: current };
  return { kind: "missing" };
});

function previewLabel(post: Article): string {
  if (post.hiddenAt) return "this article is hidden from readers.";
  switch (post.status) {
    case "DRAFT":
      return "this is a draft; readers cannot see it yet.";
    case "IN_REVIEW":
      return "this article is waiting for review; readers cannot see it yet.";
    case "REJECTED":
      return "this article was sent back; readers cannot see it.";
    case "ARCHIVED":
      return "this article is archived; readers cannot see it.";
    case "PUBLISHED":
      return "this article is scheduled; readers will see it once it is published.";
  }
}

/**
 * The same page for a signed-in actor: public articles as for everyone, and
 * non-public ones as a marked preview when canOnPost(actor, "view") allows it
 * (the author, or an editor). Anyone else gets exactly what a reader gets.
 */
export async function articleForActor(actor: Actor | null, slug: string): Promise<ArticleLookup> {
  const lookup = await publicArticle(slug);
  if (lookup.kind !== "missing" || !actor || !isLookupKey(slug)) return lookup;
  const post = await anyPostBySlugForPreview(slug);
  if (!post || isPublic(post) || !canOnPost(actor, "view", post)) return { kind: "missing" };
  return { kind: "article", data: await pageData(post), preview: previewLabel(post) };
}
