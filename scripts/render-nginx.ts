import fs from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { PRIVATE_CACHE_CONTROL } from "@/lib/http/response-headers";

/**
 * `npm run nginx:config -- --instances host:port,host:port [--server-name name]
 * [--listen 80] [--cache-dir /var/cache/nginx/broadsheet]`: prints
 * deploy/nginx/broadsheet.conf with its placeholders filled in. The body size
 * limit follows MAX_UPLOAD_MB from the environment (lib/env.ts), as the app's does.
 */
export type NginxSiteOptions = { instances: string[]; serverName?: string; listen?: string; cacheDir: string; maxUploadMb: number };

export const NGINX_TEMPLATE = path.resolve(__dirname, "..", "deploy", "nginx", "broadsheet.conf");

export function renderNginxSite(options: NginxSiteOptions, template = fs.readFileSync(NGINX_TEMPLATE, "utf8")): string {
  if (options.instances.length === 0) throw new Error("Name at least one instance (--instances host:port,…).");
  for (const instance of options.instances) {
    if (!/^[\w.-]+:\d+$|^\[[\da-f:]+\]:\d+$|^unix:\/\S+$/i.test(instance)) throw new Error(`Not host:port: ${instance}`);
  }
  const values: Record<string, string> = {
    UPSTREAM_SERVERS: options.instances.map((instance) => `    server ${instance} max_fails=3 fail_timeout=5s;`).join("\n"),
    SERVER_NAME: options.serverName ?? "_",
    LISTEN: options.listen ?? "80",
    CACHE_DIR: options.cacheDir,
    MAX_UPLOAD_MB: String(options.maxUploadMb),
    // The app allows 64 kB of form fields around the file; one extra megabyte covers that.
    CLIENT_MAX_BODY_SIZE: `${Math.ceil(options.maxUploadMb) + 1}m`,
    // What a signed-in reader's copy of a public page is sent with, as the app sends it.
    PRIVATE_CACHE_CONTROL,
  };
  const rendered = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/nginx/broadsheet.conf: unknown placeholder {{${name}}}`);
    return value;
  });
  return rendered;
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (require.main === module) {
  try {
    const config = parseEnv(process.env);
    process.stdout.write(
      renderNginxSite({
        instances: (argument("instances") ?? "").split(",").map((s) => s.trim()).filter(Boolean),
        serverName: argument("server-name"),
        listen: argument("listen"),
        cacheDir: argument("cache-dir") ?? "/var/cache/nginx/broadsheet",
        maxUploadMb: config.MAX_UPLOAD_MB,
      }),
    );
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
