import { z } from "zod";

/** The archive's table of contents (manifest.json). Layout and rules: lib/export/README.md. */
export const ARCHIVE_FORMAT = "broadsheet-site-export";
export const ARCHIVE_FORMAT_VERSION = 1;
export const MANIFEST_FILE = "manifest.json";
export const MEDIA_INDEX_FILE = "media.ndjson";

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, "must be a lowercase hex SHA-256");
const count = z.number().int().min(0);

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT, { message: `must be "${ARCHIVE_FORMAT}" (this is not a Broadsheet site export)` }),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  site: z.object({ name: z.string(), url: z.string() }),
  /** The last migration applied to the exported database. */
  schemaVersion: z.string().min(1),
  migrations: z.array(z.string()),
  tables: z.array(
    z.object({
      name: z.string().min(1),
      file: z.string().min(1),
      columns: z.array(z.string().min(1)).min(1),
      primaryKey: z.array(z.string().min(1)).min(1),
      rows: count,
      bytes: count,
      sha256,
    }),
  ),
  media: z.object({ file: z.string().min(1), files: count, bytes: count, sha256, missing: z.array(z.string()) }),
  excludedTables: z.record(z.string(), z.string()),
  omittedColumns: z.record(z.string(), z.array(z.string())),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** One line of media.ndjson: an original image and where its bytes are in the archive. */
export const mediaEntrySchema = z.object({
  key: z.string().min(1),
  file: z.string().min(1),
  contentType: z.string().min(1),
  bytes: count,
  sha256,
});
export type MediaEntry = z.infer<typeof mediaEntrySchema>;

/** "tables.3.rows: expected number" for the message naming the field at fault. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join(".") : "(top level)"}: ${issue.message}`).join("; ");
}
