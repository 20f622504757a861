import Link from "next/link";
import type { PostCard as PostCardData } from "@/lib/posts/public-posts";
import { ResponsiveImage } from "@/components/responsive-image";
import { formatDate } from "@/components/format";

export function PostCard({ post, headingLevel = 2 }: { post: PostCardData; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card">
      {post.coverMedia ? (
        <Link href={`/posts/${post.slug}`} tabIndex={-1} aria-hidden="true">
          <ResponsiveImage {...post.coverMedia} alt={post.coverMedia.altText} sizes="(min-width: 1100px) 340px, (min-width: 600px) 45vw, 100vw" />
        </Link>
      ) : null}
      {post.category ? (
        <Link className="kicker" href={`/category/${post.category.slug}`}>
          {post.category.name}
        </Link>
      ) : null}
      <Heading>
        <Link href={`/posts/${post.slug}`}>{post.title}</Link>
      </Heading>
      {post.excerpt ? <p>{post.excerpt}</p> : null}
      <p className="meta">
        By <Link href={`/authors/${post.author.username}`}>{post.author.displayName}</Link>
        {post.publishedAt ? (
          <>
            {" · "}
            <time dateTime={post.publishedAt.toISOString()}>{formatDate(post.publishedAt)}</time>
          </>
        ) : null}
      </p>
    </article>
  );
}
