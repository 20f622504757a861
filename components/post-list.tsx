import type { PostCard as PostCardData } from "@/lib/posts/public-posts";
import { PostCard } from "@/components/post-card";

export function PostList({ posts, headingLevel = 2, empty }: { posts: PostCardData[]; headingLevel?: 2 | 3; empty: string }) {
  if (posts.length === 0) return <p className="empty-state">{empty}</p>;
  return (
    <ul className="card-grid">
      {posts.map((post) => (
        <li key={post.id}>
          <PostCard post={post} headingLevel={headingLevel} />
        </li>
      ))}
    </ul>
  );
}
