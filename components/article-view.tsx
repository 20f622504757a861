import Link from "next/link";
import type { Article, PostCard } from "@/lib/posts/public-posts";
import { ResponsiveImage } from "@/components/responsive-image";
import { DateTime } from "@/components/byline-date";
import { ShareLinks } from "@/components/share-links";
import { PostList } from "@/components/post-list";

export const ARTICLE_COVER_SIZES = "(min-width: 760px) 720px, 100vw";

type Props = {
  post: Article;
  /** Sanitized HTML from lib/markdown/render.ts. */
  html: string;
  readingMinutes: number;
  updatedAt: Date | null;
  related: PostCard[];
  /** Show the automatic "You might also want to read:" line (false when the body has a hand-picked one). */
  suggestRelated: boolean;
  url: string;
  preview?: string | null;
};

export function ArticleView({ post, html, readingMinutes, updatedAt, related, suggestRelated, url, preview }: Props) {
  const [first, ...rest] = related;
  const more = suggestRelated ? rest : related.slice(0, 4);
  return (
    <article className="article">
      {preview ? (
        <p className="preview-banner" role="status">
          <strong>Preview:</strong> {preview}
        </p>
      ) : null}
      <header className="article-header">
        {post.category ? (
          <Link className="kicker" href={`/category/${post.category.slug}`}>
            {post.category.name}
          </Link>
        ) : null}
        <h1>{post.title}</h1>
        {post.excerpt ? <p className="standfirst">{post.excerpt}</p> : null}
        <p className="byline">
          <span>
            By <Link href={`/authors/${post.author.username}`}>{post.author.displayName}</Link>
          </span>
          {post.publishedAt ? <DateTime date={post.publishedAt} /> : <span>Not yet published</span>}
          {updatedAt ? <DateTime date={updatedAt} prefix="Updated" /> : null}
          <span>{readingMinutes} min read</span>
        </p>
      </header>
      {post.coverMedia ? (
        <figure className="article-cover">
          <ResponsiveImage {...post.coverMedia} alt={post.coverMedia.altText} sizes={ARTICLE_COVER_SIZES} priority />
          {post.coverMedia.caption || post.coverMedia.credit ? (
            <figcaption>
              {post.coverMedia.caption ? <span className="caption">{post.coverMedia.caption}</span> : null}
              {post.coverMedia.credit ? <span className="credit">{post.coverMedia.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {first && suggestRelated ? (
        <p className="also-read">
          You might also want to read: <Link href={`/posts/${first.slug}`}>{first.title}</Link>
        </p>
      ) : null}
      {/* Sanitized by rehype-sanitize's allow-list in lib/markdown/render.ts */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      {post.tags.length ? (
        <section aria-labelledby="tags-heading" className="article-tags">
          <h2 id="tags-heading" className="visually-hidden">
            Tags
          </h2>
          <ul className="tag-list">
            {post.tags.map(({ tag }) => (
              <li key={tag.slug}>
                <Link href={`/tag/${tag.slug}`}>{tag.name}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ShareLinks url={url} title={post.title} />
      <aside className="author-box" aria-label="About the author">
        {post.author.avatarMedia ? (
          <ResponsiveImage {...post.author.avatarMedia} alt="" sizes="72px" />
        ) : (
          <span className="avatar-fallback" aria-hidden="true">
            {post.author.displayName.slice(0, 1)}
          </span>
        )}
        <div>
          <p className="author-name">
            <Link href={`/authors/${post.author.username}`}>{post.author.displayName}</Link>
          </p>
          {post.author.bio ? <p>{post.author.bio}</p> : null}
          <p className="meta">
            <Link href={`/authors/${post.author.username}`}>All articles by {post.author.displayName}</Link>
          </p>
        </div>
      </aside>
      {more.length ? (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading">More to read</h2>
          <PostList posts={more} headingLevel={3} empty="" />
        </section>
      ) : null}
    </article>
  );
}
