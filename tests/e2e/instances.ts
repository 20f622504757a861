import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { e2eEnv } from "./support";

/**
 * Extra `next start` instances for multi-instance tests, started the way
 * cache-two-instances.spec.ts starts its instance B: the e2e server's build
 * (NEXT_DIST_DIR) and database, same AUTH_SECRET, its own port.
 */
export const E2E_SECRET = "e2e-only-secret-0123456789abcdefghijklmnop";

export type Instance = { port: number; base: string; process: ChildProcess; stop: () => Promise<void>; output: () => string };

export async function startInstance(options: { port: number; databaseUrl?: string; uploadDir?: string; siteUrl?: string; env?: Record<string, string> }): Promise<Instance> {
  const { DATABASE_URL, UPLOAD_DIR, NEXT_DIST_DIR } = e2eEnv();
  const base = `http://127.0.0.1:${options.port}`;
  const siteUrl = options.siteUrl ?? base;
  // Its own persistent page cache, empty (a directory shared with the main instance would share pages).
  const pageCacheDir = path.resolve(".data", `e2e-instance-${options.port}`, "page-cache");
  fs.rmSync(pageCacheDir, { recursive: true, force: true });
  // The server npm start runs: Next.js behind the page cache's hot path.
  const child = spawn(process.execPath, ["scripts/serve.cjs", "-p", String(options.port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl ?? DATABASE_URL,
      UPLOAD_DIR: options.uploadDir ?? UPLOAD_DIR,
      NEXT_DIST_DIR,
      AUTH_SECRET: E2E_SECRET,
      NEXTAUTH_SECRET: E2E_SECRET,
      NEXTAUTH_URL: siteUrl,
      SITE_URL: siteUrl,
      PORT: String(options.port),
      PAGE_CACHE_DIR: pageCacheDir,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (errors += String(chunk)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { port: options.port, base, process: child, stop, output: () => output + errors };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`instance on port ${options.port} did not start: ${errors.slice(-2000)}`);
}

/**
 * A TCP relay in front of PostgreSQL that can be switched off and on: off
 * stops listening and cuts every open connection (as when the server stops:
 * new connections are refused), on listens again on the same port.
 */
export class DatabaseSwitch {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();

  /**
   * Give a fixed port below Linux's ephemeral range (32768+): once the relay stops
   * listening, any outgoing connection on the machine may be given an ephemeral
   * port, and listening on it again would fail.
   */
  constructor(
    private readonly target: URL,
    public port: number,
  ) {}

  get listening(): boolean {
    return this.server !== null;
  }

  /** The database URL that goes through this relay. */
  get url(): string {
    const via = new URL(this.target.toString());
    via.hostname = "127.0.0.1";
    via.port = String(this.port);
    return via.toString();
  }

  async on(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || 5432), this.target.hostname);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => undefined);
      }
      client.pipe(upstream);
      upstream.pipe(client);
      client.on("close", () => upstream.destroy());
      upstream.on("close", () => client.destroy());
    });
    const server = this.server;
    // The port may still be held for a moment after off(): retry briefly.
    for (let attempt = 0; ; attempt++) {
      try {
        await new Promise<void>((resolve, reject) => {
          server.once("error", reject);
          server.listen(this.port, "127.0.0.1", () => {
            server.off("error", reject);
            resolve();
          });
        });
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }

  async off(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * Every extra server an e2e spec starts gets its own port here, from the e2e
 * server's E2E_PORT, so specs running side by side (two workers) never meet.
 */
const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const EXTRA_PORTS = {
  cacheInstanceB: e2ePort + 50,
  liveEditsInstanceB: e2ePort + 60,
  gracefulStopInstance: e2ePort + 61,
  nginx: e2ePort + 62,
  nginxInstances: [e2ePort + 63, e2ePort + 64],
  s3InstanceA: e2ePort + 70,
  s3InstanceB: e2ePort + 71,
  outageInstanceB: e2ePort + 80,
  outageDatabaseRelay: e2ePort + 85,
  hotPathRedisInstances: [e2ePort + 90, e2ePort + 91],
  hotPathSmallMemoryInstance: e2ePort + 92,
} as const;
