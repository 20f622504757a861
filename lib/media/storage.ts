import fs from "node:fs/promises";
import path from "node:path";
import { env, type Env } from "@/lib/env";
import { assertSafeKey } from "@/lib/media/storage-key";
import { S3MediaStorage } from "@/lib/media/s3-storage";

/**
 * Where uploaded files live: the local directory UPLOAD_DIR, or an
 * S3-compatible bucket when S3_BUCKET is set (chosen once, in mediaStorage()).
 * Keys are relative, slash-separated and never contain "..". An object never
 * changes under its key (keys carry a random id), so readers may cache forever.
 */
export interface MediaStorage {
  /** Stores the whole object or throws; a reader never sees half an object. */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The object's bytes, or null when there is none under that key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** The object's size in bytes, or null when there is none (media:migrate skips what is already there). */
  size(key: string): Promise<number | null>;
  /** Every key that starts with `prefix` (an original's `_variants/`). */
  list(prefix: string): Promise<string[]>;
  /** Where readers can fetch the object directly (S3_PUBLIC_URL), or null when only the app serves it. */
  publicUrl(key: string): string | null;
}

export { StorageUnavailableError } from "@/lib/media/storage-error";
export { assertSafeKey } from "@/lib/media/storage-key";

export class LocalDirectoryStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private pathFor(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, data: Buffer, _contentType?: string): Promise<void> {
    const target = this.pathFor(key);
    await fs.mkdir(path.dirname(target), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const temp = `${target}.${process.pid}.${Date.now()}.tmp`;
    await fs.writeFile(temp, data);
    await fs.rename(temp, target);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.pathFor(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathFor(key), { force: true });
  }

  async size(key: string): Promise<number | null> {
    try {
      const stat = await fs.stat(this.pathFor(key));
      return stat.isFile() ? stat.size : null;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    // Walk only the deepest folder the prefix names; skip unfinished writes (*.tmp).
    const folder = prefix.includes("/") ? prefix.slice(0, prefix.lastIndexOf("/")) : "";
    const start = folder ? this.pathFor(folder) : this.root;
    let entries: string[];
    try {
      entries = (await fs.readdir(start, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && !entry.name.endsWith(".tmp"))
        // `parentPath` from Node 20.12; `path` before that (engines allow 20.9).
        .map((entry) => path.relative(this.root, path.join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name)).split(path.sep).join("/"));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return entries.filter((key) => key.startsWith(prefix)).sort();
  }

  publicUrl(): string | null {
    return null;
  }
}

/** The backend the configuration asks for: the bucket when S3_BUCKET is set, else UPLOAD_DIR. */
export function storageFromEnv(config: Env): MediaStorage {
  if (config.S3_BUCKET) {
    return new S3MediaStorage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION!,
      endpoint: config.S3_ENDPOINT,
      accessKeyId: config.S3_ACCESS_KEY_ID!,
      secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      publicUrl: config.S3_PUBLIC_URL,
    });
  }
  return new LocalDirectoryStorage(path.resolve(config.UPLOAD_DIR));
}

let storage: MediaStorage | undefined;

export function mediaStorage(): MediaStorage {
  storage ??= storageFromEnv(env());
  return storage;
}

/** Only for tests that switch backends (call resetEnvCache() too). */
export function resetMediaStorage(): void {
  storage = undefined;
}
