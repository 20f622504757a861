import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { publicPostBySlug } from "@/lib/posts/public-posts";
import { renderMarkdown, readingMinutes } from "@/lib/markdown/render";
import { ResponsiveImage } from "@/components/responsive-image";
import { formatDate } from "@/components/format";
import { CommentsSection } from "@/components/comments"; // comments mount (admin helper)

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const post = await publicPostBySlug((await params).slug);
  if (!post) return { title: "Not found" };
  return { title: post.title, description: post.excerpt, alternates: { canonical: `/posts/${post.slug}` } };
}

export default async function ArticlePage({ params }: Props) {
  const post = await publicPostBySlug((await params).slug);
  if (!post) notFound();
  const html = renderMarkdown(post.body);
  return (
    <article className="article">
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
          {post.publishedAt ? <time dateTime={post.publishedAt.toISOString()}>{formatDate(post.publishedAt)}</time> : null}
          <span>{readingMinutes(post.body)} min read</span>
        </p>
      </header>
      {post.coverMedia ? (
        <figure className="article-cover">
          <ResponsiveImage {...post.coverMedia} alt={post.coverMedia.altText} sizes="(min-width: 760px) 720px, 100vw" priority />
          {post.coverMedia.caption || post.coverMedia.credit ? (
            <figcaption>
              {post.coverMedia.caption ? <span className="caption">{post.coverMedia.caption}</span> : null}
              {post.coverMedia.credit ? <span className="credit">{post.coverMedia.credit}</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      {/* Sanitized by rehype-sanitize's allow-list in lib/markdown/render.ts */}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: html }} />
      {/* Comments mount (admin helper): see components/comments/README.md */}
      <CommentsSection postId={post.id} postSlug={post.slug} />
    </article>
  );
}
