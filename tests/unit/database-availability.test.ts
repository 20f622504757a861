import { afterEach, describe, expect, it, vi } from "vitest";
import {
  databaseUnavailableSince,
  isDatabaseUnavailableError,
  markDatabaseAvailable,
  markDatabaseUnavailable,
  probeDatabaseSoon,
  resetDatabaseAvailability,
} from "@/lib/db/availability";
import { isPageCached, pageCacheKey } from "@/lib/cache/cached-pages";
import { unavailableHeaders, unavailableJson, unavailablePage } from "@/lib/http/unavailable-page";

afterEach(() => {
  resetDatabaseAvailability();
  vi.useRealTimers();
});

describe("database availability", () => {
  it("recognises connection failures and nothing else", () => {
    expect(isDatabaseUnavailableError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    // Prisma 7 with the pg adapter, server not running (verified: code P1001, kind DatabaseNotReachable).
    expect(isDatabaseUnavailableError(Object.assign(new Error("Invalid `findFirst()` invocation"), { code: "P1001" }))).toBe(true);
    expect(isDatabaseUnavailableError({ message: "x", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })).toBe(true);
    expect(isDatabaseUnavailableError(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailableError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error("wrapped", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }))).toBe(true);

    expect(isDatabaseUnavailableError(Object.assign(new Error("Unique constraint failed"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailableError(Object.assign(new Error("syntax error"), { code: "42601" }))).toBe(false);
    expect(isDatabaseUnavailableError(new Error("That email and password don't match an account."))).toBe(false);
    expect(isDatabaseUnavailableError(null)).toBe(false);
  });

  it("is raised by a failure, lowered by a success, and probes at most every 2 s while raised", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(databaseUnavailableSince()).toBeNull();
    let probes = 0;
    let reachable = false;
    const probe = async () => {
      probes++;
      if (!reachable) throw new Error("still down");
    };
    markDatabaseUnavailable(new Error("down"), probe);
    const since = databaseUnavailableSince();
    expect(since).not.toBeNull();
    markDatabaseUnavailable(new Error("down again"), probe);
    expect(databaseUnavailableSince()).toBe(since);

    probeDatabaseSoon(); // within 2 s of the failure: not yet
    expect(probes).toBe(0);
    vi.useFakeTimers({ now: Date.now() + 2_500, toFake: ["Date"] });
    probeDatabaseSoon();
    probeDatabaseSoon(); // one probe at a time
    await new Promise((r) => setImmediate(r));
    expect(probes).toBe(1);
    expect(databaseUnavailableSince()).toBe(since);

    reachable = true;
    vi.setSystemTime(Date.now() + 2_500);
    probeDatabaseSoon();
    await new Promise((r) => setImmediate(r));
    expect(probes).toBe(2);
    expect(databaseUnavailableSince()).toBeNull();

    markDatabaseUnavailable(new Error("down"), probe);
    markDatabaseAvailable();
    expect(databaseUnavailableSince()).toBeNull();
  });
});

describe("the 503 answers", () => {
  it("the page is self-contained, readable text that says to come back, with Retry-After and no caching", () => {
    const html = unavailablePage("The <Daily>");
    expect(html).toContain("<h1>The site is briefly unavailable</h1>");
    expect(html).toContain("The &#60;Daily&#62;");
    expect(html).not.toMatch(/<script|<link/);
    expect(unavailableHeaders("text/html; charset=utf-8")).toEqual({ "Content-Type": "text/html; charset=utf-8", "Retry-After": "30", "Cache-Control": "no-store" });
    expect(JSON.parse(unavailableJson())).toEqual({ ok: false, code: "UNAVAILABLE", error: "The site is briefly unavailable; try again in a minute.", retryAfterSeconds: 30 });
  });
});

describe("cached pages", () => {
  it("maps a pathname (and ?page=n on lists) to Next.js's cache key", () => {
    expect(pageCacheKey("/")).toBe("/index");
    expect(pageCacheKey("/posts/harbour/")).toBe("/posts/harbour");
    expect(pageCacheKey("/", "2")).toBe("/page/2");
    expect(pageCacheKey("/category/news", "3")).toBe("/category/news/page/3");
    expect(pageCacheKey("/posts/harbour", "2")).toBe("/posts/harbour");
    expect(pageCacheKey("/tag/x", "0")).toBe("/tag/x");
  });

  it("knows only what the cache handler recorded", () => {
    const keys = ((globalThis as unknown as Record<symbol, Set<string>>)[Symbol.for("broadsheet.cache.pageKeys")] ??= new Set());
    expect(isPageCached("/posts/unit-test-page")).toBe(false);
    keys.add("/posts/unit-test-page");
    expect(isPageCached("/posts/unit-test-page/")).toBe(true);
    keys.delete("/posts/unit-test-page");
  });
});
