import { ArticleBodyHtml, ArticleCover, ArticleHeader, ArticleTags, type ArticleCoverImage } from "@/components/article-parts";

export type PostArticleProps = {
  title: string;
  excerpt: string;
  category: { name: string; slug: string } | null;
  author: { displayName: string; username: string };
  publishedAt: Date | null;
  readingMinutes: number;
  cover: ArticleCoverImage | null;
  /** Already sanitized HTML from renderMarkdown (lib/markdown/render.ts). */
  html: string;
  tags?: { name: string; slug: string }[];
  /** The editor's preview sits under the page's own h1, so there the title is an h2 styled the same. */
  titleLevel?: "h1" | "h2";
};

/**
 * The article as readers see it: header, cover figure and body, with the
 * same markup and classes as the public article page, so the editor's live
 * preview and /dashboard/posts/<id>/preview look exactly like the real thing.
 * No hooks: usable from server and client components.
 */
export function PostArticle({ title, excerpt, category, author, publishedAt, readingMinutes, cover, html, tags, titleLevel = "h1" }: PostArticleProps) {
  return (
    <article className="article">
      <ArticleHeader
        title={title}
        excerpt={excerpt}
        category={category}
        author={author}
        publishedAt={publishedAt}
        readingMinutes={readingMinutes}
        titleLevel={titleLevel}
      />
      <ArticleCover cover={cover} />
      <ArticleBodyHtml html={html} />
      <ArticleTags tags={tags ?? []} />
    </article>
  );
}
