import Link from "next/link";
import { ResponsiveImage } from "@/components/responsive-image";
import { DateTime } from "@/components/byline-date";
import { LegacyHeadingAnchor } from "@/components/legacy-heading-anchor";

/**
 * The parts of an article that the public page (components/article-view.tsx)
 * and the editor's preview (components/post-article.tsx) must render
 * identically. No hooks: usable from server and client components.
 */
export const ARTICLE_COVER_SIZES = "(min-width: 760px) 720px, 100vw";

export type ArticleHeaderProps = {
  title: string;
  excerpt: string;
  category: { name: string; slug: string } | null;
  author: { displayName: string; username: string };
  publishedAt: Date | null;
  updatedAt?: Date | null;
  readingMinutes: number;
  /** The editor's preview sits under the page's own h1, so there the title is an h2 styled the same. */
  titleLevel?: "h1" | "h2";
};

export function ArticleHeader({ title, excerpt, category, author, publishedAt, updatedAt, readingMinutes, titleLevel = "h1" }: ArticleHeaderProps) {
  const Title = titleLevel;
  return (
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
        {publishedAt ? <DateTime date={publishedAt} /> : <span>Not yet published</span>}
        {updatedAt ? <DateTime date={updatedAt} prefix="Updated" /> : null}
        <span>{readingMinutes} min read</span>
      </p>
    </header>
  );
}

export type ArticleCoverImage = { storageKey: string; width: number; height: number; altText: string; caption: string; credit: string };

export function ArticleCover({ cover }: { cover: ArticleCoverImage | null }) {
  if (!cover) return null;
  return (
    <figure className="article-cover">
      <ResponsiveImage storageKey={cover.storageKey} width={cover.width} height={cover.height} alt={cover.altText} sizes={ARTICLE_COVER_SIZES} priority />
      {cover.caption || cover.credit ? (
        <figcaption>
          {cover.caption ? <span className="caption">{cover.caption}</span> : null}
          {cover.credit ? <span className="credit">{cover.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** The Markdown body, already sanitized by rehype-sanitize's allow-list in lib/markdown/render.ts. */
export function ArticleBodyHtml({ html }: { html: string }) {
  return (
    <>
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      <LegacyHeadingAnchor />
    </>
  );
}

export function ArticleTags({ tags }: { tags: { name: string; slug: string }[] }) {
  if (!tags.length) return null;
  return (
    <section aria-labelledby="tags-heading" className="article-tags">
      <h2 id="tags-heading" className="visually-hidden">
        Tags
      </h2>
      <ul className="tag-list">
        {tags.map((tag) => (
          <li key={tag.slug}>
            <Link href={`/tag/${tag.slug}`}>{tag.name}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
