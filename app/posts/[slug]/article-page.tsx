import type { Metadata } from "next";
import type { ArticlePageData } from "@/lib/posts/public-article";
import type { Article } from "@/lib/posts/public-posts";
import { articleMetadata, absoluteUrl, jsonLdScript, newsArticleJsonLd } from "@/lib/seo/metadata";
import { ArticleView } from "@/components/article-view";
import { ArticleEditLink, CommentsSection } from "@/components/comments";
import { listPublicComments } from "@/lib/comments/list-comments";
import { postCommentAction, reportAction } from "@/app/comments/actions";

function seoFields(post: Article) {
  return {
    title: post.title,
    description: post.excerpt || `${post.title}, by ${post.author.displayName}.`,
    slug: post.slug,
    publishedAt: post.publishedAt,
    modifiedAt: post.updatedAt,
    authorName: post.author.displayName,
    authorUsername: post.author.username,
    section: post.category?.name ?? null,
    tags: post.tags.map((t) => t.tag.name),
    image: post.coverMedia,
  };
}

export function articlePageMetadata(post: Article): Metadata {
  return articleMetadata(seoFields(post));
}

/**
 * The article with its JSON-LD and comments, for /posts/<slug> (cached, the
 * same for everyone) and the explicit preview address /posts/<slug>/preview.
 * Per-visitor parts (comment form, own pending comments, report buttons, the
 * Edit link) come from the browser's request to /api/comments/viewer. Previews
 * of posts readers can't see yet leave out the JSON-LD (search engines never
 * see them) and comments.
 */
export async function ArticleBody({ data, preview }: { data: ArticlePageData; preview: string | null }) {
  const { post } = data;
  // Approved comments are the same for every visitor, so the public page stays cacheable (components/comments/README.md).
  const comments = preview ? [] : await listPublicComments(post.id);
  return (
    <>
      {preview ? null : (
        <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(newsArticleJsonLd({ ...seoFields(post), wordCount: data.wordCount })) }} />
      )}
      <ArticleView
        post={post}
        html={data.html}
        readingMinutes={data.readingMinutes}
        updatedAt={data.updatedAt}
        related={data.related}
        suggestRelated={data.suggestRelated}
        url={absoluteUrl(`/posts/${post.slug}`)}
        preview={preview}
        tools={preview ? null : <ArticleEditLink postId={post.id} />}
      />
      {preview ? null : <CommentsSection postId={post.id} postSlug={post.slug} comments={comments} postComment={postCommentAction} report={reportAction} />}
    </>
  );
}
