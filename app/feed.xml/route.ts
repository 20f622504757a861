import { buildRssFeed } from "@/lib/feeds/build-feed";

// Cached like the pages; expired when a post it lists changes (lib/cache/page-tags.ts).
export const dynamic = "force-static";

export async function GET() {
  const xml = await buildRssFeed();
  return new Response(xml, { headers: { "Content-Type": "application/rss+xml; charset=utf-8" } });
}
