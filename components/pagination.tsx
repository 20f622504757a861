
/** Numbered page links; page 1 lives at `basePath`, page n at `basePath?page=n`. */
export function pageHref(basePath: string, page: number): string {
  return page <= 1 ? basePath : `${basePath}?page=${page}`;
}

function pageList(current: number, pages: number): (number | "gap")[] {
  const wanted = new Set([1, pages, current - 1, current, current + 1].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  for (const [i, p] of sorted.entries()) {
    if (i > 0 && p - sorted[i - 1]! > 1) out.push("gap");
    out.push(p);
  }
  return out;
}

// Plain <a> links, not next/link: `?page=n` is rewritten to a separate cached route, and a
// full page load always brings that page's own head (title, canonical); client navigation
// could keep the first page's (seen flaky in e2e).
export function Pagination({ basePath, page, pages, label = "Pages" }: { basePath: string; page: number; pages: number; label?: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <a href={pageHref(basePath, page - 1)} rel="prev">
          ← Newer
        </a>
      ) : null}
      <ul>
        {pageList(page, pages).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page">{p}</span>
              ) : (
                <a href={pageHref(basePath, p)} aria-label={`Page ${p}`}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
      </ul>
      {page < pages ? (
        <a href={pageHref(basePath, page + 1)} rel="next">
          Older →
        </a>
      ) : null}
    </nav>
  );
}
