import fs from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { assertSafeKey } from "@/lib/media/storage-key";

/**
 * Where uploaded files live. One interface; the local directory is the default.
 * Keys are relative, slash-separated and never contain "..".
 */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer | null>;
  delete(key: string): Promise<void>;
}

export { assertSafeKey } from "@/lib/media/storage-key";

export class LocalDirectoryStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private pathFor(key: string): string {
    assertSafeKey(key);
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, data: Buffer): Promise<void> {
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
}

let storage: MediaStorage | undefined;

/**
 * The local directory UPLOAD_DIR. An S3-compatible implementation of
 * MediaStorage is not written yet (the S3_* variables are parsed in env.ts
 * but unused); it would be selected here when S3_BUCKET is set.
 */
export function mediaStorage(): MediaStorage {
  storage ??= new LocalDirectoryStorage(path.resolve(env().UPLOAD_DIR));
  return storage;
}
