import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { EXTRA_PORTS, startInstance, type Instance } from "./instances";

/**
 * SIGTERM on a `next start` instance (what systemd and `npm start` send):
 * it stops accepting connections at once, finishes the request in flight,
 * stops its background work (lib/shutdown.ts) and only then exits.
 */
const portC = EXTRA_PORTS.gracefulStopInstance;
let instance: Instance | null = null;

test.afterAll(async () => {
  await instance?.stop();
});

/** A new TCP connection (fetch could reuse a kept-alive one). */
function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

test("[OPERATOR] SIGTERM: no new connections, the request in flight is answered, background work stops, then the process exits", async () => {
  test.setTimeout(120_000);
  instance = await startInstance({ port: portC });
  const exited = new Promise<number | null>((resolve) => instance!.process.once("exit", (code) => resolve(code)));
  expect(await connects(portC)).toBe(true);

  // A sign-in whose body arrives slowly: in flight when the signal comes.
  const body = "email=nobody%40example.com&password=whatever&csrfToken=x&json=true";
  const request = http.request(`${instance.base}/api/auth/callback/credentials`, {
    method: "POST",
    agent: false,
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(Buffer.byteLength(body)) },
  });
  const answered = new Promise<number>((resolve, reject) => {
    request.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("error", reject);
  });
  request.write(body.slice(0, 10));
  await new Promise((r) => setTimeout(r, 300));

  try {
    instance.process.kill("SIGTERM");
    // New connections are refused while the old request is still open.
    await expect.poll(() => connects(portC), { timeout: 10_000 }).toBe(false);
    expect(instance.process.exitCode).toBeNull();
  } finally {
    request.end(body.slice(10));
  }
  const status = await answered;
  expect(status).toBeGreaterThanOrEqual(200);
  expect(status).toBeLessThan(500);

  expect(await exited, instance.output()).toBe(143);
  const log = instance.output();
  expect(log).toContain("SIGTERM: no new requests");
  expect(log).toMatch(/background work stopped \(scheduled-publication watcher/);
});
