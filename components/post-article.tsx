import Link from "next/link";
import { ResponsiveImage } from "@/components/responsive-image";
import { formatDate } from "@/components/format";

export type PostArticleProps = {
  title: string;
  excerpt: string;
  category: { name: string; slug: string } | null;
  author: { displayName: string; username: string };
  publishedAt: Date | null;
  readingMinutes: number;
  cover: { storageKey: string; width: number; height: number; altText: string; caption: string; credit: string } | null;
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
  const Title = titleLevel;
  return (
    <article className="article">
      <header className="article-header">
        {category ? (
          <Link className="kicker" href={`/category/${category.slug}`}>
            {category.name}
          </Link>
        ) : null}
        <Title className="article-title">{title}</Title>
        {excerpt ? <p className="standfirst">{excerpt}</p> : null}
        <p className="byline">
          <span>
            By <Link href={`/authors/${author.username}`}>{author.displayName}</Link>
          </span>
          {publishedAt ? <time dateTime={publishedAt.toISOString()}>{formatDate(publishedAt)}</time> : null}
          <span>{readingMinutes} min read</span>
        </p>
      </header>
      {cover ? (
        <figure className="article-cover">
          <ResponsiveImage {...cover} alt={cover.altText} sizes="(min-width: 760px) 720px, 100vw" priority />
          {cover.caption || cover.credit ? (
            <figcaption>
              {cover.caption ? <span className="caption">{cover.caption}</span> : null}
              {cover.credit ? <span className="credit">{cover.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {/* Sanitized by rehype-sanitize's allow-list in lib/markdown/render.ts */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      {tags?.length ? (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={`/tag/${tag.slug}`}>{tag.name}</Link>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
