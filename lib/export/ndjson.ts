import crypto from "node:crypto";
import fs from "node:fs";

export type NdjsonLine = { text: string; lineNo: number };

/**
 * Reads a file line by line without holding it in memory, hashing every byte
 * as it goes; `digest()` is valid once the iteration has finished. A file that
 * does not end with a newline has been cut off: its last line is reported as
 * incomplete rather than parsed.
 */
export class NdjsonReader {
  private readonly hash = crypto.createHash("sha256");
  bytes = 0;
  lines = 0;

  constructor(private readonly filePath: string) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<NdjsonLine> {
    let rest = "";
    // Decode across chunk boundaries without splitting a multi-byte character.
    const decoder = new TextDecoder("utf-8", { fatal: true });
    for await (const chunk of fs.createReadStream(this.filePath)) {
      const buffer = chunk as Buffer;
      this.hash.update(buffer);
      this.bytes += buffer.length;
      let text: string;
      try {
        text = rest + decoder.decode(buffer, { stream: true });
      } catch {
        throw new NdjsonError(this.lines + 1, "not valid UTF-8 text");
      }
      const parts = text.split("\n");
      rest = parts.pop()!;
      for (const part of parts) {
        this.lines += 1;
        yield { text: part, lineNo: this.lines };
      }
    }
    if (rest.length > 0) throw new NdjsonError(this.lines + 1, "the last line is incomplete (no newline at the end: the file was cut off)");
  }

  digest(): string {
    return this.hash.digest("hex");
  }
}

export class NdjsonError extends Error {
  constructor(
    readonly lineNo: number,
    readonly problem: string,
  ) {
    super(`line ${lineNo}: ${problem}`);
  }
}

/** Parses one line as a JSON object, or throws an NdjsonError naming the line. */
export function parseObjectLine(line: NdjsonLine): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch (error) {
    throw new NdjsonError(line.lineNo, `not valid JSON (${(error as Error).message})`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new NdjsonError(line.lineNo, "not a JSON object");
  return value as Record<string, unknown>;
}
