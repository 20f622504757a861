import fs from "node:fs";
import pg from "pg";
import { get_dmmf } from "@prisma/prisma-schema-wasm";

/**
 * Compares prisma/schema.prisma (through Prisma's own schema parser) with a
 * migrated database: tables, columns, types, nullability, enums, primary
 * keys, unique constraints and indexes. Returns human-readable differences.
 */
type DmmfField = { name: string; kind: string; type: string; isRequired: boolean; isList: boolean; dbName?: string | null; relationName?: string };
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[]; algorithm?: string; dbName?: string };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] } };

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Float: "double precision",
  Boolean: "boolean",
  DateTime: "timestamp(3) without time zone",
  Json: "jsonb",
  Decimal: "numeric(65,30)",
  Bytes: "bytea",
};

export function loadDmmf(schemaPath = "prisma/schema.prisma"): { dmmf: Dmmf; unsupported: Map<string, { name: string; type: string; optional: boolean }[]> } {
  const text = fs.readFileSync(schemaPath, "utf8");
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: text }))) as Dmmf;
  // Unsupported("…") fields are absent from the DMMF: read them from the text.
  const unsupported = new Map<string, { name: string; type: string; optional: boolean }[]>();
  for (const block of text.matchAll(/model\s+(\w+)\s*\{([\s\S]*?)\n\}/g)) {
    for (const field of block[2]!.matchAll(/^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?/gm)) {
      const list = unsupported.get(block[1]!) ?? [];
      list.push({ name: field[1]!, type: field[2]!, optional: !!field[3] });
      unsupported.set(block[1]!, list);
    }
  }
  return { dmmf, unsupported };
}

export async function schemaDrift(databaseUrl: string, schemaPath?: string): Promise<string[]> {
  const { dmmf, unsupported } = loadDmmf(schemaPath);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const problems: string[] = [];
    const columns = await client.query<{ table_name: string; column_name: string; type: string; nullable: boolean }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND c.relname <> '_prisma_migrations'`);
    const indexes = await client.query<{ table_name: string; index_name: string; unique: boolean; primary: boolean; columns: string[]; method: string }>(`
      SELECT t.relname AS table_name, i.relname AS index_name, ix.indisunique AS unique, ix.indisprimary AS primary, am.amname AS method,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_am am ON am.oid = i.relam
      JOIN pg_namespace n ON n.oid = t.relnamespace
      JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema() AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, i.relname, ix.indisunique, ix.indisprimary, am.amname`);
    const enums = await client.query<{ name: string; values: string[] }>(`
      SELECT t.typname::text AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS values
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema() GROUP BY t.typname`);

    const dbTables = new Map<string, Map<string, { type: string; nullable: boolean }>>();
    for (const row of columns.rows) {
      const table = dbTables.get(row.table_name) ?? new Map();
      table.set(row.column_name, { type: row.type, nullable: row.nullable });
      dbTables.set(row.table_name, table);
    }

    const enumNames = new Set(dmmf.datamodel.enums.map((e) => e.name));
    for (const e of dmmf.datamodel.enums) {
      const inDb = enums.rows.find((r) => r.name === e.name);
      const values = e.values.map((v) => v.name);
      if (!inDb) problems.push(`enum ${e.name} is in the schema but not in the database`);
      else if (JSON.stringify(inDb.values) !== JSON.stringify(values)) problems.push(`enum ${e.name}: schema has ${values.join(",")}, database has ${inDb.values.join(",")}`);
    }
    for (const row of enums.rows) if (!enumNames.has(row.name)) problems.push(`enum ${row.name} is in the database but not in the schema`);

    const modelTables = new Set<string>();
    for (const model of dmmf.datamodel.models) {
      const tableName = model.dbName ?? model.name;
      modelTables.add(tableName);
      const table = dbTables.get(tableName);
      if (!table) {
        problems.push(`table ${tableName} (model ${model.name}) is in the schema but not in the database`);
        continue;
      }
      const expected = new Map<string, { type: string; nullable: boolean }>();
      for (const field of model.fields) {
        if (field.kind === "object") continue;
        const base = field.kind === "enum" ? `"${field.type}"` : SCALAR_TYPES[field.type] ?? field.type;
        expected.set(field.dbName ?? field.name, { type: field.isList ? `${base}[]` : base, nullable: !field.isRequired });
      }
      for (const field of unsupported.get(model.name) ?? []) expected.set(field.name, { type: field.type, nullable: field.optional });
      for (const [name, want] of expected) {
        const got = table.get(name);
        if (!got) problems.push(`column ${tableName}.${name} is in the schema but not in the database`);
        else {
          if (got.type.replace(/"/g, "") !== want.type.replace(/"/g, "")) problems.push(`column ${tableName}.${name}: schema type ${want.type}, database type ${got.type}`);
          if (got.nullable !== want.nullable) problems.push(`column ${tableName}.${name}: schema says ${want.nullable ? "nullable" : "required"}, database says ${got.nullable ? "nullable" : "NOT NULL"}`);
        }
      }
      for (const name of table.keys()) if (!expected.has(name)) problems.push(`column ${tableName}.${name} is in the database but not in the schema`);
    }
    for (const table of dbTables.keys()) if (!modelTables.has(table)) problems.push(`table ${table} is in the database but not in the schema`);

    const fieldDbName = (modelName: string, field: string) => {
      const model = dmmf.datamodel.models.find((m) => m.name === modelName);
      return model?.fields.find((f) => f.name === field)?.dbName ?? field;
    };
    const key = (table: string, kind: string, cols: string[]) => `${table}(${cols.join(",")}) ${kind}`;
    const expectedIndexes = new Set<string>();
    for (const index of dmmf.datamodel.indexes) {
      const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
      const kind = index.type === "id" ? "primary" : index.type === "unique" ? "unique" : `index${index.algorithm ? `:${index.algorithm.toLowerCase()}` : ""}`;
      expectedIndexes.add(key(model.dbName ?? model.name, kind, index.fields.map((f) => fieldDbName(index.model, f.name))));
    }
    const actualIndexes = new Set(
      indexes.rows.map((row) =>
        key(row.table_name, row.primary ? "primary" : row.unique ? "unique" : `index${row.method === "btree" ? "" : `:${row.method}`}`, row.columns),
      ),
    );
    for (const index of expectedIndexes) if (!actualIndexes.has(index)) problems.push(`index ${index} is in the schema but not in the database`);
    for (const index of actualIndexes) if (!expectedIndexes.has(index)) problems.push(`index ${index} is in the database but not in the schema`);
    return problems.sort();
  } finally {
    await client.end();
  }
}
