import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, responseHeaderRules } from "@/lib/http/response-headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

function headerOf(rule: { headers: { key: string; value: string }[] }, key: string) {
  return rule.headers.find((h) => h.key === key)?.value;
}

describe("response headers", () => {
  it("the CSP forbids plugins, base hijacking, foreign form targets, framing and foreign scripts", () => {
    const csp = directives(contentSecurityPolicy({ dev: false, https: false }));
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'self'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    const scripts = csp.get("script-src")!;
    expect(scripts).toContain("'self'");
    expect(scripts.filter((s) => !s.startsWith("'"))).toEqual([]); // no other origins, no schemes
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval only for next dev, and upgrades requests on https", () => {
    expect(directives(contentSecurityPolicy({ dev: true, https: false })).get("script-src")).toContain("'unsafe-eval'");
    expect(directives(contentSecurityPolicy({ dev: false, https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("sends HSTS only when SITE_URL is https", () => {
    const plain = responseHeaderRules({ dev: false, siteUrl: "http://localhost:3000" })[0]!;
    const secure = responseHeaderRules({ dev: false, siteUrl: "https://news.example.com" })[0]!;
    expect(headerOf(plain, "Strict-Transport-Security")).toBeUndefined();
    expect(headerOf(secure, "Strict-Transport-Security")).toMatch(/^max-age=\d{8,}/);
    expect(headerOf(secure, "Content-Security-Policy")).toContain("frame-ancestors 'self'");
  });

  it("public pages get seconds of shared caching, signed-in browsers none, private areas are left to Next.js", () => {
    const rules = responseHeaderRules({ dev: false, siteUrl: undefined });
    const caching = rules.filter((r) => headerOf(r, "Cache-Control"));
    const publicRule = caching.find((r) => headerOf(r, "Cache-Control") === PUBLIC_CACHE_CONTROL)!;
    expect(PUBLIC_CACHE_CONTROL).toMatch(/s-maxage=\d\b/);
    expect(publicRule.missing?.map((m) => m.key)).toEqual(["next-auth.session-token", "__Secure-next-auth.session-token"]);
    expect(caching.filter((r) => headerOf(r, "Cache-Control") === PRIVATE_CACHE_CONTROL).flatMap((r) => r.has?.map((h) => h.key))).toHaveLength(2);
    // The rule's path pattern is a plain regular expression over the whole path.
    const pattern = new RegExp(`^${publicRule.source}$`);
    for (const path of ["/", "/posts/a-story", "/category/news", "/tag/x", "/authors/amara", "/search", "/feed.xml", "/sitemap.xml", "/no-such-page", "/administration-news"]) {
      expect(pattern.test(path), path).toBe(true);
    }
    for (const path of ["/admin", "/admin/users", "/dashboard/posts", "/api/posts", "/_next/static/x.js", "/media/2026/a.jpg", "/login", "/settings/profile", "/reset-password/abc", "/register", "/setup", "/logout"]) {
      expect(pattern.test(path), path).toBe(false);
    }
  });
});
