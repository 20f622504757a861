"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type AdminNavLink = { href: string; label: string; badge?: number; /** What the badge counts (default "waiting"). */ badgeLabel?: string };

/** Section navigation on /admin pages; the server decides which links the actor may see. */
export function AdminNav({ links }: { links: AdminNavLink[] }) {
  const pathname = usePathname();
  return (
    <nav className="admin-nav" aria-label="Administration">
      <ul>
        {links.map((link) => {
          const current = pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link href={link.href} aria-current={current ? "page" : undefined}>
                {link.label}
                {link.badge ? (
                  <span className="badge" aria-label={`(${link.badge} ${link.badgeLabel ?? "waiting"})`}>
                    {link.badge}
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
