/**
 * The lists in /admin and My Posts: one table markup (column headings, rows
 * as children) and one "12 posts" count line, so every list reads the same to
 * a screen reader and in the stylesheet.
 */
/** A column heading; `{ hidden }` is read out by screen readers only (e.g. an "Actions" column of buttons). */
export type Column = string | { hidden: string };

export function DataTable({ columns, className, label, children }: { columns: readonly Column[]; className?: string; label?: string; children: React.ReactNode }) {
  return (
    <table className={className ? `data-table ${className}` : "data-table"} aria-label={label}>
      <thead>
        <tr>
          {columns.map((column) =>
            typeof column === "string" ? (
              <th scope="col" key={column}>
                {column}
              </th>
            ) : (
              <th scope="col" key={column.hidden}>
                <span className="visually-hidden">{column.hidden}</span>
              </th>
            ),
          )}
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** "1 post", "12 posts" (pass the plural when it is not the singular plus "s"). */
export function ResultCount({ total, one, many = `${one}s` }: { total: number; one: string; many?: string }) {
  return (
    <p className="meta">
      {total} {total === 1 ? one : many}
    </p>
  );
}
