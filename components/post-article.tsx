import { ArticleBodyHtml, ArticleCover, ArticleHeader, ArticleTags, type ArticleCoverImage, type ArticleHeaderProps } from "@/components/article-parts";

/** The public article's header props (a preview has no "Updated" line), its cover, body and tags. */
export type PostArticleProps = Omit<ArticleHeaderProps, "updatedAt"> & {
  cover: ArticleCoverImage | null;
  /** Already sanitized HTML from renderMarkdown (lib/markdown/render.ts). */
  html: string;
  tags?: { name: string; slug: string }[];
};

/**
 * The article as readers see it: header, cover figure and body, with the
 * same markup and classes as the public article page, so the editor's live
 * preview and /dashboard/posts/<id>/preview look exactly like the real thing.
 * No hooks: usable from server and client components.
 */
export function PostArticle({ cover, html, tags, ...header }: PostArticleProps) {
  return (
    <article className="article">
      <ArticleHeader {...header} />
      <ArticleCover cover={cover} />
      <ArticleBodyHtml html={html} />
      <ArticleTags tags={tags ?? []} />
    </article>
  );
}
