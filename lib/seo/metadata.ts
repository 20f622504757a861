import type { Metadata } from "next";
import { env } from "@/lib/env";
import { mediaUrl, variantUrl } from "@/lib/media/image-url";

/** Absolute URL on the public site (SITE_URL), for canonical links, feeds, sitemaps and social cards. */
export function absoluteUrl(path: string): string {
  return `${env().SITE_URL}${path.startsWith("/") ? path : `/${path}`}`;
}

export function imageUrl(image: { storageKey: string; width: number }, width = 1280): string {
  return absoluteUrl(variantUrl(mediaUrl(image.storageKey), Math.min(width, image.width), "jpeg"));
}

type PageMeta = {
  title: string;
  description: string;
  path: string;
  image?: { storageKey: string; width: number; height: number; altText: string } | null;
  noIndex?: boolean;
};

/** Title, description, canonical, Open Graph and Twitter card for a list or section page. */
export function pageMetadata({ title, description, path, image, noIndex }: PageMeta): Metadata {
  const { SITE_NAME } = env();
  const images = image ? [{ url: imageUrl(image), width: Math.min(1280, image.width), height: Math.round((image.height * Math.min(1280, image.width)) / image.width), alt: image.altText }] : undefined;
  return {
    title,
    description,
    alternates: { canonical: absoluteUrl(path) },
    openGraph: { type: "website", siteName: SITE_NAME, title, description, url: absoluteUrl(path), locale: "en_GB", images },
    twitter: { card: images ? "summary_large_image" : "summary", title, description, images: images?.map((i) => i.url) },
    robots: noIndex ? { index: false, follow: true } : undefined,
  };
}

type ArticleMeta = {
  title: string;
  description: string;
  slug: string;
  publishedAt: Date | null;
  modifiedAt: Date;
  authorName: string;
  authorUsername: string;
  section: string | null;
  tags: string[];
  image?: { storageKey: string; width: number; height: number; altText: string } | null;
};

export function articleMetadata(article: ArticleMeta): Metadata {
  const base = pageMetadata({ title: article.title, description: article.description, path: `/posts/${article.slug}`, image: article.image });
  return {
    ...base,
    authors: [{ name: article.authorName, url: absoluteUrl(`/authors/${article.authorUsername}`) }],
    openGraph: {
      ...base.openGraph,
      type: "article",
      publishedTime: article.publishedAt?.toISOString(),
      modifiedTime: article.modifiedAt.toISOString(),
      authors: [absoluteUrl(`/authors/${article.authorUsername}`)],
      section: article.section ?? undefined,
      tags: article.tags,
    },
  };
}

/**
 * JSON-LD for <script type="application/ld+json">. `<` is escaped so text from
 * a post can never close the script element.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

export function newsArticleJsonLd(article: ArticleMeta & { wordCount: number }) {
  const { SITE_NAME } = env();
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.description,
    mainEntityOfPage: { "@type": "WebPage", "@id": absoluteUrl(`/posts/${article.slug}`) },
    url: absoluteUrl(`/posts/${article.slug}`),
    datePublished: article.publishedAt?.toISOString(),
    dateModified: article.modifiedAt.toISOString(),
    author: [{ "@type": "Person", name: article.authorName, url: absoluteUrl(`/authors/${article.authorUsername}`) }],
    publisher: { "@type": "Organization", name: SITE_NAME, url: absoluteUrl("/") },
    image: article.image ? [imageUrl(article.image)] : undefined,
    articleSection: article.section ?? undefined,
    keywords: article.tags.length ? article.tags.join(", ") : undefined,
    wordCount: article.wordCount,
    inLanguage: "en-GB",
  };
}

/** A page whose address holds a secret (an emailed one-time link): never indexed, and its address never sent on as a Referer. */
export function secretLinkMetadata(title: string): Metadata {
  return { title, robots: { index: false }, referrer: "no-referrer" };
}
