import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import http from "node:http";
import pg from "pg";
import { findNginx, startNginx, type NginxProcess } from "./nginx-process";

/**
 * `npm run bench`: a production build on a fresh seeded database
 * (scripts/e2e-server.ts on BENCH_PORT), then a bounded loopback load on the
 * home page and an article: CONCURRENCY connections for DURATION seconds each,
 * keep-alive. Prints requests/s and latency percentiles. Measures; asserts nothing.
 *
 * `npm run bench -- --through-nginx` also runs each page through a private
 * nginx with deploy/nginx/broadsheet.conf (1 s micro-cache) in front of the
 * instance (scripts/nginx-process.ts) and adds those columns.
 */
const port = Number(process.env.BENCH_PORT ?? 3290);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const base = `http://127.0.0.1:${port}`;
const throughNginx = process.argv.includes("--through-nginx");

async function waitFor(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function load(pathname: string, origin = base) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const start = performance.now();
      http
        .get(`${origin}${pathname}`, { agent }, (res) => {
          res.resume();
          res.on("end", () => {
            if (res.statusCode === 200) latencies.push(performance.now() - start);
            else errors++;
            resolve();
          });
        })
        .on("error", () => {
          errors++;
          resolve();
        });
    });
  // Warm the cache first (the first request renders).
  await one();
  latencies.length = 0;
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (Date.now() < end) await one();
  }));
  const elapsed = (Date.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    path: pathname,
    "requests/s": Math.round(latencies.length / elapsed),
    requests: latencies.length,
    errors,
    "p50 ms": +percentile(latencies, 50).toFixed(1),
    "p90 ms": +percentile(latencies, 90).toFixed(1),
    "p99 ms": +percentile(latencies, 99).toFixed(1),
  };
}

async function main() {
  const server = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, E2E_PORT: String(port), NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? ".next-bench", E2E_SKIP_BUILD: process.env.BENCH_SKIP_BUILD ?? "" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  let nginx: NginxProcess | null = null;
  if (throughNginx && !findNginx()) throw new Error("--through-nginx: nginx is not installed (apt-get install -y nginx).");
  try {
    await waitFor(`${base}/api/health`, 600_000);
    if (throughNginx) nginx = await startNginx({ instances: [`127.0.0.1:${port}`], port: port + 1, maxUploadMb: 10 });
    const { DATABASE_URL } = JSON.parse(fs.readFileSync(path.resolve(".data", `e2e-${port}`, "env.json"), "utf8"));
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "Post" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() ORDER BY "publishedAt" DESC LIMIT 1`);
    await client.end();
    console.log(`Broadsheet bench: ${concurrency} connections × ${seconds}s per page, loopback, production build${nginx ? ", direct and through nginx" : ""}`);
    const results = [];
    for (const pathname of ["/", `/posts/${rows[0]!.slug}`, "/search?q=harbour"]) {
      const direct = await load(pathname);
      if (!nginx) {
        results.push(direct);
        continue;
      }
      const proxied = await load(pathname, nginx.base);
      results.push({ ...direct, "nginx req/s": proxied["requests/s"], "nginx errors": proxied.errors, "nginx p50 ms": proxied["p50 ms"], "nginx p99 ms": proxied["p99 ms"] });
    }
    console.table(results);
  } finally {
    await nginx?.stop();
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
