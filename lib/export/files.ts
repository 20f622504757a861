import crypto from "node:crypto";
import fs from "node:fs";
import { once } from "node:events";
import { finished } from "node:stream/promises";

/** A file written in order while its SHA-256 and size are computed, with backpressure. */
export class HashedFileWriter {
  private readonly stream: fs.WriteStream;
  private readonly hash = crypto.createHash("sha256");
  bytes = 0;

  constructor(readonly path: string) {
    this.stream = fs.createWriteStream(path);
  }

  async write(data: string | Buffer): Promise<void> {
    const buffer = typeof data === "string" ? Buffer.from(data) : data;
    this.hash.update(buffer);
    this.bytes += buffer.length;
    if (!this.stream.write(buffer)) await once(this.stream, "drain");
  }

  async close(): Promise<{ bytes: number; sha256: string }> {
    this.stream.end();
    await finished(this.stream);
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }
}

export const sha256Hex = (data: Buffer) => crypto.createHash("sha256").update(data).digest("hex");

/** Archive file name of a table's rows (table names are SQL identifiers; keep the file name plain). */
export const tableFile = (table: string) => `tables/${encodeURIComponent(table)}.ndjson`;

/** What export and restore report while they work (a progress bar on the terminal, nothing on the web). */
export type ProgressEvent = { phase: "rows" | "media" | "verify" | "archive"; label: string; done: number; total: number };
export type OnProgress = (event: ProgressEvent) => void;
