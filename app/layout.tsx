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
import { listCategories } from "@/lib/taxonomy/list-categories";

export function generateMetadata(): Metadata {
  const config = env();
  return {
    metadataBase: new URL(config.SITE_URL),
    title: { default: config.SITE_NAME, template: `%s · ${config.SITE_NAME}` },
    description: config.SITE_DESCRIPTION,
    alternates: { types: { "application/rss+xml": [{ url: "/feed.xml", title: `${config.SITE_NAME} RSS` }] } },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const config = env();
  const sections = await listCategories();
  return (
    <html lang="en-GB">
      <body>
        <a href="#main" className="skip-link">
          Skip to content
        </a>
        <SiteHeader siteName={config.SITE_NAME} sections={sections} />
        <main id="main">
          <div className="container">{children}</div>
        </main>
        <SiteFooter siteName={config.SITE_NAME} />
      </body>
    </html>
  );
}
