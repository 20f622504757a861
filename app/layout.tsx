import type { Metadata } from "next";
import "@fontsource/source-serif-4/400.css";
import "@fontsource/source-serif-4/400-italic.css";
import "@fontsource/source-serif-4/700.css";
import "@fontsource/inter/400.css";
import "@fontsource/inter/600.css";
import "@fontsource/inter/700.css";
import "./globals.css";
import { SiteHeader } from "@/components/site-header";
import { SiteFooter } from "@/components/site-footer";
import { env } from "@/lib/env";
import { headerSections } from "@/lib/taxonomy/header-sections";
import { siteSettings } from "@/lib/site-settings/site-settings";

export async function generateMetadata(): Promise<Metadata> {
  const config = env();
  const site = await siteSettings(); // admin overrides of SITE_NAME / SITE_DESCRIPTION (/admin/settings)
  return {
    metadataBase: new URL(config.SITE_URL),
    title: { default: site.title, template: `%s · ${site.title}` },
    description: site.description,
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: `${site.title} RSS` }] } },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [sections, site] = await Promise.all([headerSections(), siteSettings()]);
  return (
    <html lang="en-GB">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader siteName={site.title} sections={sections} />
        <main id="main">
          <div className="container">{children}</div>
        </main>
        <SiteFooter siteName={site.title} />
      </body>
    </html>
  );
}
