import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { renderNginxSite } from "./render-nginx";

/**
 * A private nginx running deploy/nginx/broadsheet.conf for tests and the bench:
 * rendered into a temp dir with its own pid file, logs, temp paths and cache,
 * run in the foreground (`daemon off;`) as a child process, stopped by stop().
 * Never touches the system's nginx service or its configuration.
 */
export type NginxProcess = { base: string; dir: string; process: ChildProcess; log: () => string; stop: () => Promise<void> };

export function findNginx(): string | null {
  return ["/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"].find((candidate) => fs.existsSync(candidate)) ?? null;
}

export async function startNginx(options: { instances: string[]; port: number; maxUploadMb: number; binary?: string }): Promise<NginxProcess> {
  const binary = options.binary ?? findNginx();
  if (!binary) throw new Error("nginx is not installed (apt-get install -y nginx).");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-nginx-"));
  const site = renderNginxSite({ instances: options.instances, listen: `127.0.0.1:${options.port}`, serverName: "_", cacheDir: path.join(dir, "cache"), maxUploadMb: options.maxUploadMb });
  fs.writeFileSync(path.join(dir, "broadsheet.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(dir, `${name}-temp`)};`;
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(
    conf,
    [
      "daemon off;",
      "worker_processes 1;",
      // As root nginx would run its worker as nobody, which cannot use this root-owned temp dir.
      ...(process.getuid?.() === 0 ? ["user root;"] : []),
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 1024; }",
      "http {",
      `  access_log ${path.join(dir, "access.log")};`,
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${path.join(dir, "broadsheet.conf")};`,
      "}",
    ].join("\n"),
  );
  const args = ["-c", conf, "-p", `${dir}/`, "-e", path.join(dir, "error.log")];
  const check = spawnSync(binary, ["-t", ...args], { encoding: "utf8" });
  if (check.status !== 0) throw new Error(`nginx -t failed:\n${check.stderr}`);
  const child = spawn(binary, args, { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stderr?.on("data", (chunk) => (log += String(chunk)));
  const base = `http://127.0.0.1:${options.port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGQUIT"); // graceful: finish open requests, then exit
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await fetch(`${base}/api/health`).then((r) => r.ok, () => false)) return { base, dir, process: child, log: () => log, stop };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`nginx did not come up: ${log}`);
}
