import type pg from "pg";

/**
 * Which tables a site archive carries, read from the database itself (not a
 * hand-kept list), so a table added by a later migration travels without code
 * changes. Everything in the app's schema is exported except the operational
 * tables below; other schemas (graphile_worker's job queue) are never read.
 */

/** Tables that must not travel, and why. A new table is exported unless it is named here. */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  _prisma_migrations: "migration bookkeeping: the target has its own (npm run db:migrate); the archive records the schema version instead",
  RateLimit: "sign-in, registration and comment rate-limit counters of the running site",
  SignInBackoff: "per-account sign-in delays after failed attempts",
  PasswordResetToken: "one-time password links (hashes): useless without the passwords they reset, and a leak risk in a backup",
  CacheTagRevalidation: "page-cache bookkeeping of running instances; a restore expires every public page instead",
  MailMessage: "the mail queue and outbox: one-time links and queued jobs (in graphile_worker, not exported) that would never be sent",
};

/** Columns left out of every archive: users come back without passwords (lib/export/README.md). */
export const OMITTED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  User: ["passwordHash"],
};

export type Column = { name: string; type: string; notNull: boolean; generated: boolean };
export type ForeignKey = { name: string; table: string; references: string; columns: string[] };
export type TableInfo = {
  name: string;
  /** Every column, generated ones included, in table order. */
  columns: Column[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /** Columns whose default is a sequence (serial or identity): reset after a restore. */
  sequences: { column: string; sequence: string }[];
};

/** Every ordinary table of the connection's schema (current_schema()), with columns and keys. */
export async function readTables(client: pg.ClientBase): Promise<Map<string, TableInfo>> {
  const tables = new Map<string, TableInfo>();
  const { rows: tableRows } = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`,
  );
  for (const { name } of tableRows) tables.set(name, { name, columns: [], primaryKey: [], foreignKeys: [], sequences: [] });

  const { rows: columnRows } = await client.query<{ table: string; name: string; type: string; not_null: boolean; generated: boolean; sequence: string | null }>(
    `SELECT c.relname::text AS table, a.attname::text AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, a.attgenerated <> '' AS generated,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS sequence
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
     ORDER BY c.relname, a.attnum`,
  );
  for (const row of columnRows) {
    const table = tables.get(row.table);
    if (!table) continue;
    table.columns.push({ name: row.name, type: row.type, notNull: row.not_null, generated: row.generated });
    if (row.sequence) table.sequences.push({ column: row.name, sequence: row.sequence });
  }

  const { rows: constraintRows } = await client.query<{ name: string; kind: "p" | "f"; table: string; references: string | null; columns: string[] }>(
    `SELECT con.conname::text AS name, con.contype::text AS kind, c.relname::text AS table, f.relname::text AS references,
            array_agg(a.attname::text ORDER BY k.ord) AS columns
     FROM pg_constraint con
     JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_class f ON f.oid = con.confrelid
     CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE n.nspname = current_schema() AND con.contype IN ('p', 'f')
     GROUP BY con.conname, con.contype, c.relname, f.relname ORDER BY 1`,
  );
  for (const row of constraintRows) {
    const table = tables.get(row.table);
    if (!table) continue;
    if (row.kind === "p") table.primaryKey = row.columns;
    else table.foreignKeys.push({ name: row.name, table: row.table, references: row.references!, columns: row.columns });
  }
  return tables;
}

/** The tables an archive carries, by name; refuses a schema it could not restore faithfully. */
export function exportedTables(tables: Map<string, TableInfo>): TableInfo[] {
  const exported = [...tables.values()].filter((table) => !(table.name in EXCLUDED_TABLES));
  for (const table of exported) {
    // Keyset pagination and the restore's second pass need a key.
    if (table.primaryKey.length === 0) throw new Error(`Table "${table.name}" has no primary key: give it one, or list it in EXCLUDED_TABLES (lib/export/tables.ts).`);
    for (const fk of table.foreignKeys) {
      const nullable = fk.columns.every((name) => !table.columns.find((c) => c.name === name)?.notNull);
      if (fk.references in EXCLUDED_TABLES && !nullable) {
        throw new Error(`Table "${table.name}" requires rows of "${fk.references}", which is not exported: remove it from EXCLUDED_TABLES (lib/export/tables.ts).`);
      }
    }
  }
  return exported;
}

/** Columns written to the archive: not generated, not omitted. */
export function archivedColumns(table: TableInfo): string[] {
  const omitted = new Set(OMITTED_COLUMNS[table.name] ?? []);
  return table.columns.filter((c) => !c.generated && !omitted.has(c.name)).map((c) => c.name);
}

export type RestorePlan = {
  /** Tables in foreign-key order: referenced tables first. */
  order: string[];
  /** Foreign keys inserted as NULL, then set once every table is in (cycles such as User ⇄ Media, self-references). */
  deferred: ForeignKey[];
};

/**
 * Orders tables so every row's references exist when it is inserted. A cycle
 * (User.avatarMediaId → Media, Media.uploaderId → User) or a self-reference is
 * broken at a nullable foreign key, which is filled in by a second pass.
 */
export function restorePlan(tables: TableInfo[]): RestorePlan {
  const names = new Set(tables.map((t) => t.name));
  const byName = new Map(tables.map((t) => [t.name, t]));
  const nullable = (fk: ForeignKey) => fk.columns.every((name) => !byName.get(fk.table)!.columns.find((c) => c.name === name)?.notNull);
  const deferred: ForeignKey[] = [];
  let pending: ForeignKey[] = [];
  for (const table of tables) {
    for (const fk of table.foreignKeys) {
      if (!names.has(fk.references)) continue; // references an excluded table: only nullable ones get here (exportedTables), restored as they are
      if (fk.references === table.name) {
        if (!nullable(fk)) throw new Error(`Table "${table.name}" references itself through NOT NULL columns (${fk.columns.join(", ")}): cannot restore it.`);
        deferred.push(fk);
      } else pending.push(fk);
    }
  }
  const order: string[] = [];
  const remaining = new Set([...names].sort());
  while (remaining.size > 0) {
    const ready = [...remaining].filter((name) => !pending.some((fk) => fk.table === name && remaining.has(fk.references)));
    if (ready.length > 0) {
      for (const name of ready) {
        order.push(name);
        remaining.delete(name);
      }
      continue;
    }
    // A cycle: defer one nullable foreign key on it (not merely waiting for it) and go on.
    const live = pending.filter((fk) => remaining.has(fk.table) && remaining.has(fk.references));
    const reaches = (from: string, to: string): boolean => {
      const seen = new Set<string>();
      const stack = [from];
      while (stack.length > 0) {
        const name = stack.pop()!;
        if (name === to) return true;
        if (seen.has(name)) continue;
        seen.add(name);
        for (const fk of live) if (fk.table === name) stack.push(fk.references);
      }
      return false;
    };
    const breakable = live.find((fk) => nullable(fk) && reaches(fk.references, fk.table));
    if (!breakable) throw new Error(`Tables ${[...remaining].join(", ")} reference each other through NOT NULL columns: cannot order them for a restore.`);
    deferred.push(breakable);
    pending = pending.filter((fk) => fk !== breakable);
  }
  return { order, deferred };
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
export const pgString = (value: string) => `'${value.replace(/'/g, "''")}'`;

export const isJsonColumn = (column: Column) => column.type === "json" || column.type === "jsonb";
/**
 * A row's JSON columns holding a JSON null (not SQL NULL), e.g. `"$jsonNull": ["changes"]`.
 * "$" cannot start a column name Prisma makes, so it never collides with one.
 */
export const JSON_NULLS_KEY = "$jsonNull";
