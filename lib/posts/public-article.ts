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

async function pageData(post: Article): Promise<ArticlePageData> {
  // The related block's first query goes out, and the database runs it while the body renders here.
  const relatedQuery = relatedPosts({ id: post.id, categoryId: post.categoryId, tagIds: post.tags.map((t) => t.tag.id) }, 5);
  relatedQuery.catch(() => undefined); // awaited below: a failure is not "unhandled" while the body renders
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
 * What a reader gets at /posts/<slug>: the article (3 queries: post with its
 * author, cover and tags in one, joined in SQL, then related posts in two), a
 * redirect for an old slug, or nothing. Deduplicated per request, so metadata
 * and page share one lookup.
 */
export const publicArticle = cache(async (slug: string): Promise<ArticleLookup> => {
  if (!isLookupKey(slug)) return { kind: "missing" };
  const post = await publicPostBySlug(slug);
  if (post) {
    // Started now so its query runs beside the related articles' (the comments section awaits the same result).
    listPublicComments(post.id).catch(() => undefined);
    return { kind: "article", data: await pageData(post), preview: null };
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
