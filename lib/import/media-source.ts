import fs from "node:fs";
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import yauzl from "yauzl";
import * as tar from "tar";
import { ImportFileError } from "@/lib/import/model";

/**
 * Where an import finds the images its posts reference: a folder (WordPress's
 * wp-content/uploads, Ghost's content/images) or an archive of one (.zip,
 * .tar.gz, .tgz, .tar). Nothing is fetched over the network: an image that is
 * not here is listed in the report and the post keeps its old address.
 */
/** Larger files are left out: MAX_UPLOAD_MB is at most 100, so no image of that size could be imported anyway. */
const MAX_ENTRY_BYTES = 100 * 1024 * 1024;

export type MediaFile = { key: string; read: () => Promise<Buffer> };

export interface MediaSource {
  /** The file an old image URL refers to, or null. */
  find(url: string): MediaFile | null;
  /** Number of files found. */
  readonly size: number;
  close(): Promise<void>;
}

/** The part of an image URL that names the file inside the uploads folder. */
export function mediaPathOf(url: string): string {
  let p = url.trim();
  try {
    p = new URL(p, "http://x.invalid").pathname;
  } catch {
    // keep as is
  }
  try {
    p = decodeURIComponent(p);
  } catch {
    // keep as is
  }
  const markers = ["/wp-content/uploads/", "/content/images/"];
  for (const marker of markers) {
    const i = p.indexOf(marker);
    if (i !== -1) {
      p = p.slice(i + marker.length);
      break;
    }
  }
  // Ghost's resized copies: size/w600/2024/01/x.jpg → 2024/01/x.jpg.
  return p.replace(/^size\/w\d+(?:h\d+)?\//, "").replace(/^\/+/, "");
}

class IndexedSource implements MediaSource {
  /** Lower-cased file name → relative paths with that name. */
  private byName = new Map<string, string[]>();
  constructor(
    paths: string[],
    private reader: (relative: string) => Promise<Buffer>,
    private closer: () => Promise<void> = async () => undefined,
  ) {
    for (const rel of paths) {
      const name = path.posix.basename(rel).toLowerCase();
      const list = this.byName.get(name) ?? [];
      list.push(rel);
      this.byName.set(name, list);
    }
    this.size = paths.length;
  }
  readonly size: number;

  private lookup(relative: string): string | null {
    const list = this.byName.get(path.posix.basename(relative).toLowerCase());
    if (!list) return null;
    const wanted = relative.toLowerCase();
    // The longest common tail wins: 2024/01/a.jpg before another month's a.jpg.
    const exact = list.find((p) => p.toLowerCase() === wanted || p.toLowerCase().endsWith(`/${wanted}`));
    if (exact) return exact;
    return list.length === 1 && !relative.includes("/") ? list[0]! : null;
  }

  find(url: string): MediaFile | null {
    const relative = mediaPathOf(url);
    if (!relative) return null;
    // WordPress's resized copies (a-300x200.jpg): the original, when present, makes better variants.
    const original = relative.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, "$1").replace(/-scaled(\.[a-z0-9]+)$/i, "$1");
    const found = (original !== relative ? this.lookup(original) : null) ?? this.lookup(relative);
    if (!found) return null;
    return { key: found, read: () => this.reader(found) };
  }

  close(): Promise<void> {
    return this.closer();
  }
}

async function walk(root: string): Promise<string[]> {
  const out: string[] = [];
  async function visit(dir: string) {
    for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await visit(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  }
  await visit(root);
  return out;
}

async function openFolder(root: string, cleanup?: () => Promise<void>): Promise<MediaSource> {
  const files = await walk(root);
  return new IndexedSource(files, (rel) => fsp.readFile(path.join(root, ...rel.split("/"))), cleanup);
}

function openZip(file: string): Promise<MediaSource> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false, validateEntrySizes: true }, (err, zip) => {
      if (err || !zip) return reject(new ImportFileError(`The media archive is not a readable .zip file: ${err?.message ?? "unknown error"}`));
      const entries = new Map<string, yauzl.Entry>();
      zip.on("entry", (entry: yauzl.Entry) => {
        // Folders end with "/"; entry names are only ever used as lookup keys, never as paths on disk.
        // Nothing bigger than any image upload may be is ever inflated (a zip bomb stays in its archive).
        if (!entry.fileName.endsWith("/") && entry.uncompressedSize <= MAX_ENTRY_BYTES) entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on("error", (e: Error) => reject(new ImportFileError(`The media archive is damaged: ${e.message}`)));
      zip.on("end", () => {
        const read = (rel: string) =>
          new Promise<Buffer>((res, rej) => {
            const entry = entries.get(rel);
            if (!entry) return rej(new Error(`not in the archive: ${rel}`));
            zip.openReadStream(entry, (e, stream) => {
              if (e || !stream) return rej(e ?? new Error("unreadable entry"));
              const chunks: Buffer[] = [];
              stream.on("data", (c: Buffer) => chunks.push(c));
              stream.on("error", rej);
              stream.on("end", () => res(Buffer.concat(chunks)));
            });
          });
        resolve(new IndexedSource([...entries.keys()], read, async () => zip.close()));
      });
      zip.readEntry();
    });
  });
}

async function openTar(file: string): Promise<MediaSource> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "broadsheet-import-media-"));
  try {
    // tar strips absolute paths and ".." itself; links are not extracted.
    await tar.x({
      file,
      cwd: dir,
      strict: true,
      filter: (_p, entry) => "type" in entry && (entry.type === "Directory" || ((entry.type === "File" || entry.type === "OldFile") && (entry.size ?? 0) <= MAX_ENTRY_BYTES)),
    });
  } catch (e) {
    await fsp.rm(dir, { recursive: true, force: true });
    throw new ImportFileError(`The media archive is not a readable .tar.gz file: ${e instanceof Error ? e.message : String(e)}`);
  }
  return openFolder(dir, () => fsp.rm(dir, { recursive: true, force: true }));
}

/** A folder, a .zip, or a .tar(.gz) archive, recognised by its content. */
export async function openMediaSource(location: string): Promise<MediaSource> {
  let stat: fs.Stats;
  try {
    stat = await fsp.stat(location);
  } catch {
    throw new ImportFileError(`The media folder or archive ${location} does not exist.`);
  }
  if (stat.isDirectory()) return openFolder(location);
  const head = Buffer.alloc(262);
  const fd = await fsp.open(location, "r");
  try {
    await fd.read(head, 0, head.length, 0);
  } finally {
    await fd.close();
  }
  if (head[0] === 0x50 && head[1] === 0x4b) return openZip(location);
  if ((head[0] === 0x1f && head[1] === 0x8b) || head.subarray(257, 262).toString("latin1") === "ustar") return openTar(location);
  throw new ImportFileError(`The media archive ${path.basename(location)} is neither a .zip nor a .tar.gz file.`);
}
