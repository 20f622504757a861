import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

/**
 * A local S3-compatible server for tests (s3rver from npm): loopback only, a
 * free port, buckets in a temporary folder. `stop()` stops this server and
 * removes its folder; nothing else is touched.
 */
export type TestS3Server = {
  endpoint: string;
  bucket: string;
  /** The S3_* variables an app instance needs to store media in this bucket. */
  env: Record<string, string>;
  stop(): Promise<void>;
};

// s3rver accepts exactly this key pair (it checks signatures).
export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Server(options: { bucket?: string } = {}): Promise<TestS3Server> {
  const bucket = options.bucket ?? "broadsheet-media";
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-s3rver-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  let stopped = false;
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_REGION: "us-east-1",
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: "true",
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // Clients keep connections alive; close them so close() returns at once.
      server.httpServer?.closeAllConnections();
      await server.close().catch(() => undefined);
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** An endpoint where nothing listens: a bucket that is down. */
export async function unreachableEndpoint(): Promise<string> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}
