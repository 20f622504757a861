import { redirect } from "next/navigation";

/** /dashboard/posts/<id> is the post's editor. */
export default async function PostRoute({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  redirect(`/dashboard/posts/${encodeURIComponent(id)}/edit`);
}
