import { newsSitemapEntries, pageSitemapEntries, postSitemapEntries, renderNewsSitemap, renderUrlSet } from "@/lib/seo/sitemap";

/**
 * The files listed by /sitemap.xml: pages.xml, posts-<n>.xml, news.xml
 * (lib/seo/sitemap.ts). Each is rendered on its first request, then cached
 * like the pages and expired with the `sitemaps` tag (lib/cache/page-tags.ts).
 */
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ file: string }[]> {
  return [];
}

const XML = { "Content-Type": "application/xml; charset=utf-8" };

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (file === "pages.xml") return new Response(renderUrlSet(await pageSitemapEntries()), { headers: XML });
  if (file === "news.xml") return new Response(await renderNewsSitemap(await newsSitemapEntries()), { headers: XML });
  const posts = /^posts-([1-9][0-9]{0,5})\.xml$/.exec(file);
  const entries = posts ? await postSitemapEntries(Number(posts[1])) : null;
  if (!entries) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(renderUrlSet(entries), { headers: XML });
}
