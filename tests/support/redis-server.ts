import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

/**
 * A real redis-server (Debian's, `apt-get install -y redis-server`; .ci/run
 * installs it) started by a test on a free loopback port, nothing persisted.
 * `stop()` stops this process only; `start()` again reuses the port (a Redis
 * that went down and came back).
 */
export type TestRedis = { url: string; port: number; stop(): Promise<void>; start(): Promise<void> };

const REDIS_SERVER = ["/usr/bin/redis-server", "/usr/sbin/redis-server", "/usr/local/bin/redis-server"].find((p) => fs.existsSync(p)) ?? "redis-server";

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startRedis(options: { maxmemory?: string } = {}): Promise<TestRedis> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const start = async () => {
    const args = ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"];
    if (options.maxmemory) args.push("--maxmemory", options.maxmemory, "--maxmemory-policy", "allkeys-lru");
    const proc = spawn(REDIS_SERVER, args, { stdio: ["ignore", "pipe", "pipe"] });
    child = proc;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += String(chunk);
        if (output.includes("Ready to accept connections")) resolve();
      };
      proc.stdout?.on("data", onData);
      proc.once("error", (error) => reject(new Error(`redis-server could not start (apt-get install -y redis-server): ${error.message}`)));
      proc.once("exit", (code) => reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)));
    });
  };
  const stop = async () => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once("exit", resolve));
    proc.kill("SIGTERM");
    await exited;
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
