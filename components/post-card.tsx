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
      <CardByline author={post.author} publishedAt={post.publishedAt} />
    </article>
  );
}

/** "By <author> · <date>" under an article's title in a list (cards and the home page's lead). */
export function CardByline({ author, publishedAt }: Pick<PostCardData, "author" | "publishedAt">) {
  return (
    <p className="meta">
      By <Link href={`/authors/${author.username}`}>{author.displayName}</Link>
      {publishedAt ? (
        <>
          {" · "}
          <time dateTime={publishedAt.toISOString()}>{formatDate(publishedAt)}</time>
        </>
      ) : null}
    </p>
  );
}
