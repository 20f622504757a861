import Link from "next/link";
import type { Article, PostCard } from "@/lib/posts/public-posts";
import { ResponsiveImage } from "@/components/responsive-image";
import { ArticleBodyHtml, ArticleCover, ArticleHeader, ArticleTags } from "@/components/article-parts";
import { ShareLinks } from "@/components/share-links";
import { PostList } from "@/components/post-list";

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
  /** Per-visitor controls filled in by the browser (the Edit link), above the headline. */
  tools?: React.ReactNode;
};

export function ArticleView({ post, html, readingMinutes, updatedAt, related, suggestRelated, url, preview, tools }: Props) {
  const [first, ...rest] = related;
  const more = suggestRelated ? rest : related.slice(0, 4);
  return (
    <article className="article">
      {preview ? (
        <p className="preview-banner" role="status">
          <strong>Preview:</strong> {preview}
        </p>
      ) : null}
      {tools}
      <ArticleHeader
        title={post.title}
        excerpt={post.excerpt}
        category={post.category}
        author={post.author}
        publishedAt={post.publishedAt}
        updatedAt={updatedAt}
        readingMinutes={readingMinutes}
      />
      <ArticleCover cover={post.coverMedia} />
      {first && suggestRelated ? (
        <p className="also-read">
          You might also want to read: <Link href={`/posts/${first.slug}`}>{first.title}</Link>
        </p>
      ) : null}
      <ArticleBodyHtml html={html} />
      <ArticleTags tags={post.tags.map(({ tag }) => tag)} />
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
