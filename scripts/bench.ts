import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { benchEditTitle, BENCH_AUTHOR_EMAIL, BENCH_PASSWORD, BENCH_READER_EMAIL, benchDatabaseState, NotABenchDatabase, openBenchDatabase } from "./bench-data";
import { findNginx, startNginx, type NginxProcess } from "./nginx-process";

/**
 * `npm run bench` (after `npm run bench:seed`): `npm start` (scripts/run-app.ts:
 * production build in .next-bench, scripts/serve.cjs) on the bench database of
 * 100 000 articles, then a loopback load from this process (autocannon,
 * BENCH_CONNECTIONS = 50 connections, BENCH_SECONDS = 10 s per line), on the
 * same machine as the server. Prints one table with issue 12's targets beside
 * the results and writes it as JSON to bench-results/<date>.json.
 * Measures; asserts nothing. `-- --through-nginx` adds the hot pages through
 * deploy/nginx/broadsheet.conf.
 */
const port = Number(process.env.BENCH_PORT ?? 3990);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const LONG_TAIL = Number(process.env.BENCH_LONG_TAIL ?? 5000);
/** Cold renders timed one request at a time (the median is reported): single requests on a shared 2-core machine vary by ±10 ms. */
const COLD_ARTICLES = 15;
const COLD_HOMES = 7;
const base = `http://127.0.0.1:${port}`;
const distDir = process.env.NEXT_DIST_DIR ?? ".next-bench";
const pageCacheDir = path.resolve(".data", "bench-page-cache");
const SECRET = "bench-only-secret-0123456789abcdefghijklmnopq";
const throughNginx = process.argv.includes("--through-nginx");

type Line = { line: string; target: string; "req/s": number; "p50 ms": number; "p99 ms": number; errors: number; note?: string };
const lines: Line[] = [];

async function waitFor(url: string, timeoutMs: number, server: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with ${server.exitCode}`);
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not come up`);
}

/** The serve.cjs process answering on `port` (the one whose memory is reported). */
function serverPid(): number | null {
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (cmd.some((c) => c.endsWith("scripts/serve.cjs")) && cmd.includes(String(port))) return Number(pid);
    } catch {
      // gone meanwhile
    }
  }
  return null;
}
const rssMb = (pid: number | null) => {
  if (!pid) return NaN;
  const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : NaN;
};

type LoadOptions = { paths: string[]; headers?: Record<string, string>; random?: boolean; origin?: string; duration?: number };
async function load({ paths, headers = {}, random = false, origin = base, duration = seconds }: LoadOptions) {
  let next = 0;
  const result = await autocannon({
    url: origin,
    connections,
    duration,
    headers,
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: random ? paths[Math.floor(Math.random() * paths.length)]! : paths[next++ % paths.length]! }),
      },
    ],
  });
  const ok = result["2xx"];
  return {
    rps: Math.round(ok / (result.duration || duration)),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/** Every path once, `connections` at a time (the pass that renders or loads each page). */
async function onePass(paths: string[]) {
  let i = 0;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (i < paths.length) {
        const pathname = paths[i++]!;
        await fetch(`${base}${pathname}`).then((r) => r.arrayBuffer(), () => undefined);
      }
    }),
  );
}

async function timed(url: string, headers: Record<string, string> = {}) {
  const start = performance.now();
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { ms: performance.now() - start, status: response.status, text, cache: response.headers.get("x-nextjs-cache") };
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/** next-auth credentials sign-in, as the login form does; returns the Cookie header of the session. */
async function signIn(email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password: BENCH_PASSWORD, callbackUrl: `${base}/`, json: "true" }),
  });
  const session = response.headers.getSetCookie().map((c) => c.split(";")[0]!).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`could not sign in as ${email} (status ${response.status})`);
  return session;
}

/** The editor's "Update" on a published article, through the app: autosave to its working copy, then the server action. */
async function editThroughTheApp(cookie: string, actionId: string, post: { id: string; slug: string; title: string; body: string; excerpt: string; categoryId: string | null; tagIds: string[] }, version: number, title: string) {
  const save = await fetch(`${base}/api/posts/${post.id}`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: base },
    body: JSON.stringify({ title, body: post.body, excerpt: post.excerpt, slug: post.slug, categoryId: post.categoryId, tagIds: post.tagIds, coverMediaId: null, expectedVersion: version }),
  });
  if (!save.ok) throw new Error(`autosave answered ${save.status}: ${await save.text()}`);
  const saved = (await save.json()) as { post: { version: number } };
  const update = await fetch(`${base}/dashboard/posts/${post.id}/edit`, {
    method: "POST",
    headers: { "next-action": actionId, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", cookie, origin: base },
    body: JSON.stringify([{ postId: post.id, expectedVersion: saved.post.version }]),
  });
  const text = await update.text();
  if (!update.ok || !text.includes('"ok":true')) throw new Error(`Update answered ${update.status}: ${text.slice(0, 300)}`);
  // "Update" bumps the version again: the next edit must expect the one it answered with.
  const answered = /"version":(\d+)/.exec(text);
  return answered ? Number(answered[1]) : saved.post.version + 1;
}

function actionIdOf(exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8")) as { node: Record<string, { exportedName?: string }> };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === exportedName)?.[0];
  if (!id) throw new Error(`server action ${exportedName} not found in the build`);
  return id;
}

function add(line: string, target: string, result: { rps: number; p50: number; p99: number; errors: number }, note?: string) {
  const row: Line = { line, target, "req/s": result.rps, "p50 ms": result.p50, "p99 ms": result.p99, errors: result.errors, ...(note ? { note } : {}) };
  lines.push(row);
  console.log(`  ${line}: ${result.rps} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors${note ? ` (${note})` : ""}`);
}

async function main() {
  const database = await openBenchDatabase(() => undefined);
  let server: ChildProcess | null = null;
  let nginx: NginxProcess | null = null;
  const stop = async () => {
    await nginx?.stop().catch(() => undefined);
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      process.kill(-server.pid!, "SIGTERM");
      await exited;
    }
    await database.stop();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  try {
    if ((await benchDatabaseState(database.url)) !== "bench") throw new NotABenchDatabase("The bench database is empty: run npm run bench:seed first.");
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const articles = (await db.query<{ slug: string }>(`SELECT slug FROM "Post" WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT $1`, [LONG_TAIL + 50])).rows.map((r) => `/posts/${r.slug}`);
    const hotArticle = articles[0]!;
    const longTail = articles.slice(1, LONG_TAIL + 1);
    const cold = articles.slice(LONG_TAIL + 1, LONG_TAIL + 1 + COLD_ARTICLES);
    const warmUp = articles.slice(LONG_TAIL + 1 + COLD_ARTICLES, LONG_TAIL + 3 + COLD_ARTICLES);
    const [edited] = (
      await db.query(
        `SELECT p.id, p.slug, p.title, p.body, p.excerpt, p."categoryId", p.version, array_agg(pt."tagId") AS "tagIds"
         FROM "Post" p JOIN "User" u ON u.id = p."authorId" JOIN "PostTag" pt ON pt."postId" = p.id
         WHERE u.email = $1 AND p.status = 'PUBLISHED' AND p.slug = ANY($2) GROUP BY p.id ORDER BY p."publishedAt" DESC LIMIT 1`,
        [BENCH_AUTHOR_EMAIL, longTail.map((p) => p.slice("/posts/".length))],
      )
    ).rows;
    await db.end();

    fs.rmSync(pageCacheDir, { recursive: true, force: true });
    console.log(`Broadsheet bench: npm start on ${base}, ${connections} connections, ${seconds} s per line, load generator on the same ${os.cpus().length} cores`);
    server = spawn("npx", ["tsx", "scripts/run-app.ts", "start"], {
      env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), SITE_URL: base, AUTH_SECRET: SECRET, NEXT_DIST_DIR: distDir, PAGE_CACHE_DIR: pageCacheDir, NEXT_TELEMETRY_DISABLED: "1", SMTP_URL: "" },
      stdio: ["ignore", "inherit", "inherit"],
      detached: true,
    });
    await waitFor(`${base}/api/health`, 900_000, server);
    const pid = serverPid();

    // The first requests after start load each route's code: not what a cold page costs. Two throw-away renders first.
    const firstRender = (await timed(`${base}${warmUp[0]}`)).ms;
    await timed(`${base}${warmUp[1]}`);

    console.log("hot pages");
    for (const [name, pathname] of [["hot article", hotArticle], ["hot home", "/"]] as const) {
      await onePass([pathname, pathname]);
      add(`${name}, plain`, "≥ 3 000 req/s, p99 ≤ 100 ms, 0 errors", await load({ paths: [pathname] }));
      add(`${name}, Accept-Encoding: br, gzip`, "≥ 3 000 req/s, p99 ≤ 100 ms, 0 errors", await load({ paths: [pathname], headers: { "accept-encoding": "br, gzip" } }));
    }

    console.log(`long tail: ${longTail.length} articles`);
    const passStart = Date.now();
    await onePass(longTail);
    const passSeconds = (Date.now() - passStart) / 1000;
    await onePass(longTail); // the second pass lets the hot path learn each page's headers
    const tail = await load({ paths: longTail, random: true, headers: { "accept-encoding": "br, gzip" } });
    add(`long tail: ${longTail.length} articles, random order, after one pass`, "≥ 2 000 req/s, p99 ≤ 100 ms", tail, `first pass (renders) took ${passSeconds.toFixed(0)} s`);

    // Edits through the app every 10 s while the long tail is read.
    const author = await signIn(BENCH_AUTHOR_EMAIL);
    const actionId = actionIdOf("updateLiveAction");
    const visibleMs: number[] = [];
    let editing = true;
    // A failed edit is reported in the table, never an unhandled rejection (which would leave npm start running).
    let editError = "";
    const edits = (async () => {
      if (!edited) return;
      let version = Number(edited.version);
      let n = 0;
      while (editing) {
        const title = benchEditTitle(edited.title, ++n);
        const started = performance.now();
        try {
          version = await editThroughTheApp(author, actionId, edited, version, title);
        } catch (error) {
          editError = error instanceof Error ? error.message.slice(0, 200) : String(error);
          return;
        }
        let seen = false;
        while (!seen && performance.now() - started < 5000) {
          seen = (await timed(`${base}/posts/${edited.slug}`, { "accept-encoding": "identity" })).text.includes(title.replace(/&/g, "&amp;"));
          if (!seen) await new Promise((r) => setTimeout(r, 20));
        }
        visibleMs.push(seen ? Math.round(performance.now() - started) : Infinity);
        const wait = 10_000 - (performance.now() - started);
        for (let waited = 0; editing && waited < wait; waited += 100) await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const tailEditing = await load({ paths: longTail, random: true, headers: { "accept-encoding": "br, gzip" }, duration: Math.max(seconds, 30) });
    editing = false;
    await edits;
    add(
      "long tail while an article is edited through the app every 10 s",
      "≥ 80 % of the long tail, p99 ≤ 150 ms, edit visible ≤ 1 s",
      tailEditing,
      `${Math.round((100 * tailEditing.rps) / Math.max(1, tail.rps))} % of the long tail; edit visible after ${visibleMs.map((ms) => (Number.isFinite(ms) ? `${ms} ms` : "> 5 s")).join(", ")}${editError ? `; edit failed: ${editError}` : ""}`,
    );

    const reader = await signIn(BENCH_READER_EMAIL);
    const signedIn = await load({ paths: longTail, random: true, headers: { "accept-encoding": "br, gzip", cookie: reader } });
    add("long tail as a signed-in reader", "within 20 % of anonymous", signedIn, `${Math.round((100 * signedIn.rps) / Math.max(1, tail.rps))} % of anonymous`);

    console.log("search");
    const searches: [string, string][] = [
      ["a word in every article", "/search?q=report"],
      ["two words", "/search?q=report+city"],
      ["a rare word", "/search?q=zephyrine"],
      ["a deep page", "/search?q=city&page=20"],
    ];
    for (const [name, pathname] of searches) {
      // One user on a server otherwise idle: the previous line's load leaves requests queued in the server after the load generator stops,
      // so wait for it to drain first. Then the first request, and two more after the 5-second result memo has expired.
      await new Promise((r) => setTimeout(r, 3_000));
      const one: number[] = [];
      for (let i = 0; i < 3; i++) {
        if (i > 0) await new Promise((r) => setTimeout(r, 5_500));
        one.push((await timed(`${base}${pathname}`)).ms);
      }
      const many = await load({ paths: [pathname] });
      add(`search: ${name}`, "≤ 100 ms for one user; req/s at 50 connections reported", many, `one user: ${one.map((ms) => Math.round(ms)).join(", ")} ms (first, then after the memo expired)`);
    }

    if (throughNginx) {
      if (!findNginx()) throw new Error("--through-nginx: nginx is not installed (apt-get install -y nginx).");
      nginx = await startNginx({ instances: [`127.0.0.1:${port}`], port: port + 1, maxUploadMb: 10 });
      for (const [name, pathname] of [["hot article", hotArticle], ["hot home", "/"]] as const) add(`${name} through nginx`, "(for comparison)", await load({ paths: [pathname], origin: nginx.base }));
    }

    // Cold renders at 100 000 posts on the warm server (loopback wall time of one request ≈ server time):
    // articles never requested before, and the home page expired the way a publish expires it (its list's tag).
    await new Promise((r) => setTimeout(r, 3_000)); // the search lines' queued requests drain first
    const coldArticle: number[] = [];
    for (const pathname of cold) coldArticle.push((await timed(`${base}${pathname}`)).ms);
    const coldHome: number[] = [];
    const dbAgain = new pg.Client({ connectionString: database.url });
    await dbAgain.connect();
    for (let i = 0; i < COLD_HOMES; i++) {
      await dbAgain.query(
        `WITH stamp AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS ms)
         SELECT pg_notify('broadsheet_cache_tags', json_build_object('tags', ARRAY['l:home'], 'expire', NULL, 'origin', 'bench', 'at', stamp.ms)::text) FROM stamp`,
      );
      await new Promise((r) => setTimeout(r, 200));
      coldHome.push((await timed(`${base}/`)).ms);
    }
    await dbAgain.end();
    // For scale, Next's own floor: a cold 404 (one lookup, the layout and a short page).
    const cold404: number[] = [];
    for (let i = 0; i < COLD_HOMES; i++) cold404.push((await timed(`${base}/posts/bench-no-such-article-${Date.now()}-${i}`)).ms);
    lines.push({
      line: "cold render at 100 000 posts: article / home",
      target: "≤ 30 ms / ≤ 50 ms",
      "req/s": NaN,
      "p50 ms": Math.round(median(coldArticle)),
      "p99 ms": Math.round(median(coldHome)),
      errors: 0,
      note: `medians; article ${coldArticle.map((ms) => Math.round(ms)).join(", ")} ms; home ${coldHome.map((ms) => Math.round(ms)).join(", ")} ms (one request each, loopback; the server's very first render, loading the route's code, took ${Math.round(firstRender)} ms); for scale, a cold 404 page: median ${Math.round(median(cold404))} ms`,
    });

    const memory = rssMb(pid);
    lines.push({ line: "server memory after the run (RSS)", target: "reported; bounded by the configured sizes", "req/s": NaN, "p50 ms": NaN, "p99 ms": NaN, errors: 0, note: `${memory} MB; page cache memory tier ${process.env.PAGE_CACHE_MEMORY_MB || 128} MB (PAGE_CACHE_MEMORY_MB), disk tier ${diskMb(pageCacheDir)} MB on disk (bound PAGE_CACHE_DISK_MB = ${process.env.PAGE_CACHE_DISK_MB || 4096})` });

    console.log("");
    console.table(lines);
    const out = path.resolve("bench-results", `${new Date().toISOString().slice(0, 16).replace(":", "")}.json`);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg() }, connections, seconds, lines }, null, 2));
    console.log(`written: ${path.relative(process.cwd(), out)}`);
  } finally {
    await stop();
  }
}

function diskMb(dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let bytes = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) if (entry.isFile()) bytes += fs.statSync(path.join(entry.parentPath, entry.name)).size;
  return Math.round(bytes / 2 ** 20);
}

main().catch((error) => {
  console.error(error instanceof NotABenchDatabase ? `bench: ${error.message}` : error);
  process.exit(1);
});
