import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/seo/sitemap";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return (await sitemapEntries()).map((entry) => ({ url: entry.url, lastModified: entry.lastModified }));
}
