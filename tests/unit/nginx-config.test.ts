import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderNginxSite } from "@/scripts/render-nginx";
import { findNginx } from "@/scripts/nginx-process";
import { PRIVATE_CACHE_CONTROL, PRIVATE_PREFIXES, SESSION_COOKIES } from "@/lib/http/response-headers";

const render = (maxUploadMb = 10) => renderNginxSite({ instances: ["127.0.0.1:3001", "127.0.0.1:3002", "10.0.0.7:3000"], serverName: "news.example.com", listen: "80", cacheDir: "/var/cache/nginx/broadsheet", maxUploadMb });

describe("deploy/nginx/broadsheet.conf", () => {
  it("renders every placeholder: one upstream server per instance, the body limit from MAX_UPLOAD_MB", () => {
    const conf = render(25);
    expect(conf).not.toMatch(/\{\{\w+\}\}/);
    expect(conf.match(/^\s+server \S+ max_fails=3 fail_timeout=5s;$/gm)).toHaveLength(3);
    expect(conf).toContain("server 10.0.0.7:3000 max_fails=3");
    expect(conf).toMatch(/client_max_body_size 26m;/);
    expect(render(10)).toMatch(/client_max_body_size 11m;/);
    expect(conf).toContain("server_name news.example.com;");
    expect(() => renderNginxSite({ instances: [], cacheDir: "/tmp/x", maxUploadMb: 10 })).toThrow(/at least one instance/);
    expect(() => renderNginxSite({ instances: ["127.0.0.1:3001; evil"], cacheDir: "/tmp/x", maxUploadMb: 10 })).toThrow(/Not host:port/);
  });

  it("appends to X-Forwarded-For (TRUSTED_PROXIES=1), micro-caches public pages for 1 s with one request per page, ignoring the app's s-maxage", () => {
    const conf = render();
    expect(conf).toContain("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;");
    const publicPages = conf.slice(conf.indexOf("location / {"));
    expect(publicPages).toContain("proxy_cache_valid 200 301 308 404 1s;");
    expect(publicPages).toContain("proxy_ignore_headers Cache-Control Expires;");
    expect(publicPages).not.toMatch(/proxy_ignore_headers[^;]*Set-Cookie/);
    expect(publicPages).toContain("proxy_cache_lock on;");
    expect(publicPages).toMatch(/proxy_cache_use_stale updating/);
  });

  it("answers signed-in readers of public pages from the cache with the app's private Cache-Control, and stores only anonymous answers", () => {
    const conf = render();
    const publicPages = conf.slice(conf.indexOf("location / {"));
    expect(publicPages).not.toContain("proxy_cache_bypass");
    expect(publicPages).toContain("proxy_cache_key $scheme$host$request_uri;");
    expect(publicPages).toContain("proxy_no_cache $broadsheet_signed_in $broadsheet_private_answer;");
    expect(publicPages).toContain("proxy_hide_header Cache-Control;");
    expect(publicPages).toContain("add_header Cache-Control $broadsheet_cache_control always;");
    // add_header in a location replaces the server's: the cache status is repeated there.
    expect(publicPages).toContain("add_header X-Cache-Status $upstream_cache_status always;");
    const cacheControl = /map \$broadsheet_signed_in \$broadsheet_cache_control \{([^}]*)\}/.exec(conf)![1]!;
    expect(cacheControl).toContain("default $upstream_http_cache_control;");
    expect(cacheControl).toContain(`1 "${PRIVATE_CACHE_CONTROL}";`);
    const privateAnswer = new RegExp(/"~\*(.+)" 1;/.exec(conf)![1]!, "i");
    expect(privateAnswer.test(PRIVATE_CACHE_CONTROL)).toBe(true);
    expect(privateAnswer.test("public, max-age=0, s-maxage=5, stale-while-revalidate=30")).toBe(false);
  });

  it("treats exactly the app's session cookies as signed in", () => {
    const pattern = /"~(.+)" 1;/.exec(render())![1]!;
    const signedIn = new RegExp(pattern);
    for (const name of SESSION_COOKIES) {
      expect(signedIn.test(`${name}=abc`)).toBe(true);
      expect(signedIn.test(`theme=dark; ${name}=abc`)).toBe(true);
      expect(signedIn.test(`theme=dark;${name}.0=abc`)).toBe(true);
    }
    expect(signedIn.test("next-auth.csrf-token=abc; next-auth.callback-url=x")).toBe(false);
    expect(signedIn.test("my-next-auth.session-token=abc")).toBe(false);
  });

  it("never caches or answers from the cache the pages the app calls private, nor those it renders per request", () => {
    const conf = render();
    const location = /location ~ \^\/\(([^)]+)\)\(\/\|\$\) \{([^}]*)\}/.exec(conf)!;
    const prefixes = location[1]!.split("|");
    for (const prefix of PRIVATE_PREFIXES.filter((p) => !["_next", "media"].includes(p))) expect(prefixes).toContain(prefix);
    expect(location[2]).not.toContain("proxy_cache");
    // Every route rendered per request (force-dynamic, or reading the query) is matched by a location without the cache.
    const uncached = [...conf.matchAll(/location ~ (\S+) \{([^}]*)\}/g)].filter(([, , body]) => !body!.includes("proxy_cache")).map(([, pattern]) => new RegExp(pattern!));
    const perRequest = ["/search", "/posts/some-draft/preview", "/invite/a-token", "/reset-password/a-token", "/forgot-password", "/setup", "/login", "/api/comments/viewer", "/admin/mail"];
    for (const dir of fs.readdirSync("app", { recursive: true, encoding: "utf8" })) {
      // Media files have their own location (immutable names; variants by query, in the cache key).
      if (!/(^|\/)(page|route)\.tsx?$/.test(dir) || dir.startsWith("media/")) continue;
      const source = fs.readFileSync(path.join("app", dir), "utf8");
      if (!/dynamic = "force-dynamic"|searchParams/.test(source)) continue;
      perRequest.push(`/${path.dirname(dir)}`.replace(/\[[^\]]+\]/g, "x").replace(/\/\([^)]+\)/g, ""));
    }
    for (const url of perRequest) expect(uncached.some((pattern) => pattern.test(url)), url).toBe(true);
    for (const url of ["/", "/posts/an-article", "/tag/x", "/category/x/page/2", "/feed.xml", "/posts/preview"]) expect(uncached.some((pattern) => pattern.test(url)), url).toBe(false);
  });

  it.runIf(findNginx())("passes nginx -t", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "broadsheet-nginx-t-"));
    try {
      const site = renderNginxSite({ instances: ["127.0.0.1:3001", "127.0.0.1:3002"], listen: "127.0.0.1:8089", cacheDir: path.join(dir, "cache"), maxUploadMb: 10 });
      fs.writeFileSync(path.join(dir, "site.conf"), site);
      const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => `${name}_temp_path ${dir}/${name};`).join(" ");
      fs.writeFileSync(path.join(dir, "nginx.conf"), `pid ${dir}/nginx.pid; error_log ${dir}/error.log; events {} http { access_log off; ${temp} include ${dir}/site.conf; }`);
      const result = spawnSync(findNginx()!, ["-t", "-c", `${dir}/nginx.conf`, "-p", `${dir}/`, "-e", `${dir}/error.log`], { encoding: "utf8" });
      expect(result.stderr).toContain("test is successful");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
