import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { assertSafeKey } from "@/lib/media/storage-key";
import { StorageUnavailableError } from "@/lib/media/storage-error";
import type { MediaStorage } from "@/lib/media/storage";

export type S3StorageOptions = {
  bucket: string;
  region: string;
  /** For S3-compatible services (MinIO, R2, …); unset for AWS. */
  endpoint?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO, s3rver, most self-hosted servers). */
  forcePathStyle?: boolean;
  /** Base URL under which the bucket's objects are readable by anyone (a public bucket or a CDN in front of it). */
  publicUrl?: string;
};

// Keys carry a random id and are never rewritten, so a CDN or public bucket may cache them forever too.
const IMMUTABLE = "public, max-age=31536000, immutable";

function isNotFound(error: unknown): boolean {
  // A missing bucket is a configuration problem (unavailable), not a missing image.
  if (error instanceof S3ServiceException && error.name !== "NoSuchBucket") {
    return error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata?.httpStatusCode === 404;
  }
  return false;
}

/**
 * MediaStorage in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2,
 * Backblaze B2, s3rver in tests). Any failure other than "no such object"
 * (bucket down, wrong credentials, missing bucket) becomes a
 * StorageUnavailableError, which callers turn into "try again" for the user.
 */
export class S3MediaStorage implements MediaStorage {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly base: string | null;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.base = options.publicUrl ? options.publicUrl.replace(/\/+$/, "") : null;
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
      // Checksums only where S3 demands them: several S3-compatible servers reject the newer defaults.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // A bucket that is down should cost the uploader seconds, not minutes.
      maxAttempts: 2,
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 30_000 },
    });
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    assertSafeKey(key);
    try {
      // A PUT is atomic in S3: the object appears whole or not at all.
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length, CacheControl: IMMUTABLE }),
      );
    } catch (error) {
      throw new StorageUnavailableError("store", key, error);
    }
  }

  async get(key: string): Promise<Buffer | null> {
    assertSafeKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!response.Body) return null;
      return Buffer.from(await response.Body.transformToByteArray());
    } catch (error) {
      if (isNotFound(error)) return null;
      throw new StorageUnavailableError("read", key, error);
    }
  }

  async delete(key: string): Promise<void> {
    assertSafeKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (isNotFound(error)) return;
      throw new StorageUnavailableError("delete", key, error);
    }
  }

  async size(key: string): Promise<number | null> {
    assertSafeKey(key);
    try {
      const response = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return response.ContentLength ?? null;
    } catch (error) {
      if (isNotFound(error)) return null;
      throw new StorageUnavailableError("check", key, error);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw new StorageUnavailableError("list", `${prefix}*`, error);
    }
    return keys.sort();
  }

  publicUrl(key: string): string | null {
    assertSafeKey(key);
    return this.base ? `${this.base}/${key}` : null;
  }

  /** Closes the client's connections (scripts and tests that exit). */
  destroy(): void {
    this.client.destroy();
  }
}
