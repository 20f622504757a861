import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedPostgres, EmbeddedPostgresError } from "@/lib/db/embedded-postgres";

const base = fs.mkdtempSync(path.resolve(".data", "tmp", "restart-"));
fs.chmodSync(base, 0o755);
const dataDir = path.join(base, "pg");
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function scalar(url: string, sql: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Object.values((await client.query(sql)).rows[0] ?? {})[0];
  } finally {
    await client.end();
  }
}

describe("embedded PostgreSQL", () => {
  it("keeps its data across a restart", async () => {
    const first = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "keep" });
    try {
      await scalar(first.url, "CREATE TABLE kept (v text)");
      await scalar(first.url, "INSERT INTO kept VALUES ('still here') RETURNING v");
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "keep" });
    try {
      expect(await scalar(second.url, "SELECT v FROM kept")).toBe("still here");
    } finally {
      await second.stop();
    }
  });

  it("starts after a crash left a stale postmaster.pid behind", async () => {
    // A pid that is certainly not running.
    fs.writeFileSync(path.join(dataDir, "postmaster.pid"), "999999\n/tmp\n");
    const server = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), database: "keep" });
    try {
      expect(await scalar(server.url, "SELECT count(*)::int FROM kept")).toBe(1);
    } finally {
      await server.stop();
    }
  });

  it("explains a port that is already taken", async () => {
    const net = await import("node:net");
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startEmbeddedPostgres({ dataDir, port, database: "keep" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmbeddedPostgresError);
      expect((error as EmbeddedPostgresError).message).toContain(`Port ${port} is already in use`);
      expect((error as EmbeddedPostgresError).hint).toContain("EMBEDDED_PG_PORT");
    } finally {
      blocker.close();
    }
  });
});
