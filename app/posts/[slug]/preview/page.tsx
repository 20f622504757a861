import { notFound, permanentRedirect } from "next/navigation";
import type { Metadata } from "next";
import { getActor } from "@/lib/auth/session";
import { articleForActor } from "@/lib/posts/public-article";
import { ArticleBody, articlePageMetadata } from "../article-page";

/**
 * The explicit preview address of a post: authors and editors see non-public
 * posts as a marked preview (canOnPost(actor, "view")); everyone else sees
 * what readers see at /posts/<slug> (a 404 for a post they may not see).
 * Rendered per request, never cached.
 */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await articleForActor(await getActor(), (await params).slug);
  if (lookup.kind !== "article") return { title: "Page not found" };
  const meta = articlePageMetadata(lookup.data.post);
  return lookup.preview ? { ...meta, title: `Preview: ${lookup.data.post.title}`, robots: { index: false, follow: false } } : meta;
}

export default async function ArticlePreviewPage({ params }: Props) {
  const lookup = await articleForActor(await getActor(), (await params).slug);
  if (lookup.kind === "redirect") permanentRedirect(`/posts/${lookup.slug}`);
  if (lookup.kind !== "article") notFound();
  return <ArticleBody data={lookup.data} preview={lookup.preview} />;
}
