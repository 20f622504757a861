import Link from "next/link";
import { AccountLinks } from "@/components/account-links";

export type HeaderProps = {
  siteName: string;
  sections: { name: string; slug: string }[];
};

export function SiteHeader({ siteName, sections }: HeaderProps) {
  return (
    <header className="site-header">
      <div className="container">
        <div className="top">
          <Link href="/" className="site-name">
            {siteName}
          </Link>
          <div className="site-tools">
            <form action="/search" method="get" role="search" aria-label="Site">
              <label htmlFor="site-search" className="visually-hidden">
                Search articles
              </label>
              <input id="site-search" type="search" name="q" placeholder="Search" />
              <button type="submit" className="secondary">
                Search
              </button>
            </form>
            <AccountLinks />
          </div>
        </div>
        <nav className="section-nav" aria-label="Sections">
          <ul>
            {sections.map((section) => (
              <li key={section.slug}>
                <Link href={`/category/${section.slug}`}>{section.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
