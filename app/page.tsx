import Link from "next/link";
import { listPublishedPosts } from "@/lib/posts/public-posts";
import { PostCard } from "@/components/post-card";

export const dynamic = "force-dynamic";

const PER_PAGE = 12;

export default async function HomePage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? "1", 10) || 1);
  const { posts, total } = await listPublishedPosts({ page, perPage: PER_PAGE });
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  return (
    <>
      <h1 className="visually-hidden">Latest news</h1>
      {posts.length === 0 ? <p>Nothing has been published yet.</p> : null}
      <ul className="card-grid">
        {posts.map((post) => (
          <li key={post.id}>
            <PostCard post={post} />
          </li>
        ))}
      </ul>
      {pages > 1 ? (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? <Link href={page === 2 ? "/" : `/?page=${page - 1}`}>Newer articles</Link> : null}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={`/?page=${page + 1}`}>Older articles</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
