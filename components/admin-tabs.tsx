import Link from "next/link";

/** Tabs as links (each tab is its own URL, so filters survive reloads and sharing). */
export function AdminTabs({ tabs, label }: { tabs: { href: string; label: string; current: boolean; count?: number }[]; label: string }) {
  return (
    <nav className="admin-tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link href={tab.href} aria-current={tab.current ? "page" : undefined}>
              {tab.label}
              {tab.count ? <span className="badge">{tab.count}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Previous / next links keeping the other query parameters (lists by date unless other labels are given). */
export function Pager({
  page,
  pages,
  href,
  label = "Pages",
  previous = "← Newer",
  next = "Older →",
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
  label?: string;
  previous?: string;
  next?: string;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? <Link href={href(page - 1)}>{previous}</Link> : <span />}
      <span className="meta">
        Page {page} of {pages}
      </span>
      {page < pages ? <Link href={href(page + 1)}>{next}</Link> : <span />}
    </nav>
  );
}

export function queryString(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : "";
}
