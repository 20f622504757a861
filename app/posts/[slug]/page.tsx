import { notFound, permanentRedirect } from "next/navigation";
import type { Metadata } from "next";
import { publicArticle } from "@/lib/posts/public-article";
import { ArticleBody, articlePageMetadata } from "./article-page";

/**
 * Public article page. Rendered on its first request, then served from the
 * page cache until something it shows changes for readers (see lib/cache), to
 * every visitor, signed in or not: it never reads cookies. Personal parts come
 * from /api/comments/viewer in the browser; previews are at ./preview.
 */
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const lookup = await publicArticle((await params).slug);
  return lookup.kind === "article" ? articlePageMetadata(lookup.data.post) : { title: "Page not found" };
}

export default async function ArticlePage({ params }: Props) {
  const lookup = await publicArticle((await params).slug);
  if (lookup.kind === "redirect") permanentRedirect(`/posts/${lookup.slug}`);
  if (lookup.kind !== "article") notFound();
  return <ArticleBody data={lookup.data} preview={null} />;
}
