import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findFreePort, isPortFree } from "@/lib/db/embedded-postgres";
import { createEmptyDatabase } from "@/tests/support/databases";
import { cliEnv, isAlive, postmasterPid, repoRoot, userCreate } from "@/tests/support/cli-processes";

/**
 * [slow] Real `npm start` (scripts/run-app.ts) instances. The first run on a
 * checkout without a fresh `.next` builds once (minutes); every later run
 * reuses that build, which is the behaviour under test. Kept in this one file
 * so the suite pays for at most one build.
 */

type App = { process: ChildProcess; port: number; output: () => string; exited: Promise<number> };
const apps: App[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  // Only the run-app processes started here; each stops its own `next start` (and its database if it owns one).
  for (const app of apps.splice(0)) {
    if (app.process.exitCode === null && app.process.signalCode === null) {
      app.process.kill("SIGTERM");
      await app.exited;
    }
  }
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function freeAppPort(taken: number[] = []): Promise<number> {
  // The 3300–3399 range is ours on the shared machine.
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = 3300 + Math.floor(Math.random() * 100);
    if (!taken.includes(port) && (await isPortFree(port, "0.0.0.0"))) return port;
  }
  throw new Error("no free port in 3300-3399");
}

function startApp(port: number, env: NodeJS.ProcessEnv): App {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(repoRoot, "scripts", "run-app.ts"), "start"], {
    cwd: repoRoot,
    env: { ...env, PORT: String(port), SITE_URL: `http://127.0.0.1:${port}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += String(chunk)));
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<number>((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
  const app = { process: child, port, output: () => output, exited };
  apps.push(app);
  return app;
}

async function waitForHealth(app: App, timeoutMs: number): Promise<{ ok: boolean; buildId: string | null }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (app.process.exitCode !== null) throw new Error(`npm start on ${app.port} exited:\n${app.output().slice(-4000)}`);
    const health = await fetch(`http://127.0.0.1:${app.port}/api/health`).then(
      (r) => (r.ok ? (r.json() as Promise<{ ok: boolean; buildId: string | null }>) : null),
      () => null,
    );
    if (health) return health;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`npm start on ${app.port} not healthy in time:\n${app.output().slice(-4000)}`);
}

/** run-app sets NODE_ENV=production for the build and `next start`; Vitest's "test" must not leak into them. */
function withoutNodeEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy: Record<string, string | undefined> = { ...env };
  delete copy.NODE_ENV;
  return copy as NodeJS.ProcessEnv;
}

function appEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return withoutNodeEnv({ ...process.env, AUTH_SECRET: "build-test-secret-0123456789abcdefghijklmnop", ...extra });
}

/** Signs in through next-auth's credentials endpoint, as the login form does; returns the session cookie. */
async function signInOverHttp(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/dashboard/posts`, json: "true" }),
  });
  const session = response.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return session.split(";")[0]!;
}

describe("[slow] npm start: build once, run many", () => {
  it("[OPERATOR] two npm start at once against one database: at most one builds, both serve the same build id", async () => {
    const database = await createEmptyDatabase();
    cleanups.push(database.drop);
    const portA = await freeAppPort();
    const portB = await freeAppPort([portA]);
    const env = appEnv({ DATABASE_URL: database.url });

    const a = startApp(portA, env);
    const b = startApp(portB, env);
    const [healthA, healthB] = await Promise.all([waitForHealth(a, 15 * 60_000), waitForHealth(b, 15 * 60_000)]);

    const buildId = fs.readFileSync(path.join(repoRoot, ".next", "BUILD_ID"), "utf8").trim();
    expect(healthA).toEqual({ ok: true, buildId });
    expect(healthB).toEqual({ ok: true, buildId });

    // Never two builds at once: one "Building: …" at most, and the other used that build.
    const decisions = [a, b].map((app) => app.output().match(/(Using the existing build \(.*\)|Building: .*)/)?.[0]);
    expect(decisions.filter((d) => d?.startsWith("Building:")).length).toBeLessThanOrEqual(1);
    expect(decisions.filter((d) => d?.startsWith(`Using the existing build (${buildId}`)).length).toBeGreaterThanOrEqual(1);

    // Both serve pages from that build.
    for (const app of [a, b]) {
      const html = await fetch(`http://127.0.0.1:${app.port}/`).then((r) => r.text());
      expect(html).toContain("/_next/static/");
    }
  }, 20 * 60_000);

  it("[OPERATOR] with npm start running on the embedded database, npm run user:create adds an account that signs in at once, and the site stays up", async () => {
    const base = fs.mkdtempSync(path.resolve(".data", "tmp", "start-cli-"));
    fs.chmodSync(base, 0o755);
    cleanups.push(async () => fs.rmSync(base, { recursive: true, force: true }));
    const dataDir = path.join(base, "pg");
    const pgPort = await findFreePort();
    const port = await freeAppPort();
    // The operator's environment: no DATABASE_URL, so npm start runs (and owns) the embedded database.
    const env = withoutNodeEnv({ ...cliEnv(dataDir, pgPort), UPLOAD_DIR: path.join(base, "uploads") });
    const app = startApp(port, env);
    await waitForHealth(app, 15 * 60_000);
    expect(app.output()).toContain("Using the existing build (");
    const postmaster = postmasterPid(dataDir);

    const created = await userCreate(cliEnv(dataDir, pgPort), "from-cli@example.test", "a-long-passphrase-for-cli-tests", "AUTHOR");
    expect(created.code, created.stderr).toBe(0);

    const siteUrl = `http://127.0.0.1:${port}`;
    const session = await signInOverHttp(siteUrl, "from-cli@example.test", "a-long-passphrase-for-cli-tests");
    const me = await fetch(`${siteUrl}/api/me`, { headers: { cookie: session } }).then((r) => r.json());
    expect(me).toMatchObject({ displayName: "from-cli", canWrite: true });
    expect(isAlive(postmaster)).toBe(true);
    expect((await fetch(`${siteUrl}/api/health`)).status).toBe(200);
    expect((await fetch(`${siteUrl}/`)).status).toBe(200);
  }, 20 * 60_000);
});
