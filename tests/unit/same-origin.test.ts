import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/same-origin";
import { withActor } from "@/lib/actions/route-helpers";

const SITE = "https://news.example.com";
const request = (headers: Record<string, string>) => new Headers(headers);

describe("same-origin check for state-changing route handlers", () => {
  it("accepts the site's own origin (SITE_URL), whatever Host the proxy passes on", () => {
    expect(isSameOriginRequest(request({ origin: SITE, host: "127.0.0.1:3000" }), SITE)).toBe(true);
  });

  it("accepts an origin matching the request's own Host (e2e servers, direct access)", () => {
    expect(isSameOriginRequest(request({ origin: "http://127.0.0.1:3201", host: "127.0.0.1:3201" }), "http://localhost:3000")).toBe(true);
  });

  it("refuses another site even when X-Forwarded-Host claims to be it", () => {
    expect(isSameOriginRequest(request({ origin: "https://evil.example", host: "news.example.com", "x-forwarded-host": "evil.example" }), SITE)).toBe(false);
  });

  it("refuses a different scheme or port of the site's host", () => {
    expect(isSameOriginRequest(request({ origin: "http://news.example.com", host: "127.0.0.1:3000" }), SITE)).toBe(false);
    expect(isSameOriginRequest(request({ origin: "https://news.example.com:8443", host: "127.0.0.1:3000" }), SITE)).toBe(false);
  });

  it("refuses an opaque or malformed Origin (`null` from sandboxed frames and file: pages)", () => {
    expect(isSameOriginRequest(request({ origin: "null", host: "news.example.com" }), SITE)).toBe(false);
    expect(isSameOriginRequest(request({ origin: "not a url", host: "news.example.com" }), SITE)).toBe(false);
  });

  it("lets requests without Origin through (not sent by browsers' same-origin GETs or by non-browser clients; the session cookie is SameSite=Lax)", () => {
    expect(isSameOriginRequest(request({ host: "news.example.com" }), SITE)).toBe(true);
  });

  it("withActor answers `Origin: null` with a clean 403, not a 500", async () => {
    const response = await withActor(new Request("http://127.0.0.1:3000/api/posts", { method: "POST", headers: { origin: "null", host: "127.0.0.1:3000" } }), async () => new Response("ran"));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("withActor refuses a cross-site request that sets X-Forwarded-Host to look same-site", async () => {
    const response = await withActor(
      new Request("http://127.0.0.1:3000/api/posts", { method: "POST", headers: { origin: "https://evil.example", host: "127.0.0.1:3000", "x-forwarded-host": "evil.example" } }),
      async () => new Response("ran"),
    );
    expect(response.status).toBe(403);
  });
});
