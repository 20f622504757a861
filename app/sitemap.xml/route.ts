import { renderSitemapIndex, sitemapIndexFiles } from "@/lib/seo/sitemap";

// A sitemap index (lib/seo/sitemap.ts). Cached like the pages; expired with the `sitemaps` tag (lib/cache/page-tags.ts).
export const dynamic = "force-static";

export async function GET() {
  const xml = renderSitemapIndex(await sitemapIndexFiles());
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
