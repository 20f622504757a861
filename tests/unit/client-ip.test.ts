import { describe, expect, it } from "vitest";
import { clientIp, ipRateLimitKey } from "@/lib/http/client-ip";
import { parseEnv } from "@/lib/env";

const xff = (value: string) => ({ "x-forwarded-for": value });

describe("client IP behind a configured number of trusted proxies", () => {
  it("with no trusted proxy uses the socket address Next.js records (the only X-Forwarded-For entry when the client sent none)", () => {
    expect(clientIp(xff("203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("with one trusted proxy takes the address that proxy appended, not the client's own X-Forwarded-For entries", () => {
    expect(clientIp(xff("198.51.100.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(xff("1.1.1.1, 2.2.2.2, 203.0.113.7"), 1)).toBe("203.0.113.7");
  });

  it("with two trusted proxies takes the second address from the right", () => {
    expect(clientIp(xff("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("ignores X-Real-IP, which any client can send", () => {
    expect(clientIp({ "x-forwarded-for": "203.0.113.7", "x-real-ip": "6.6.6.6" }, 0)).toBe("203.0.113.7");
  });

  it("reads Headers objects and next-auth's plain header records alike", () => {
    expect(clientIp(new Headers(xff("9.9.9.9, 203.0.113.7")), 1)).toBe("203.0.113.7");
    expect(clientIp({ "x-forwarded-for": ["9.9.9.9, 203.0.113.7"] }, 1)).toBe("203.0.113.7");
  });

  it("normalises IPv4-mapped IPv6 and bracketed or port-suffixed forms", () => {
    expect(clientIp(xff("::ffff:203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientIp(xff("[2001:db8::1]:443"), 0)).toBe("2001:db8::1");
    expect(clientIp(xff("203.0.113.7:5555"), 0)).toBe("203.0.113.7");
  });

  it("answers 'unknown' for a missing header or a value that is not an IP address", () => {
    expect(clientIp({}, 0)).toBe("unknown");
    expect(clientIp(undefined, 1)).toBe("unknown");
    expect(clientIp(xff("not-an-ip"), 0)).toBe("unknown");
  });

  it("with fewer entries than trusted proxies takes the leftmost one (the app was reached past a proxy: a misconfiguration)", () => {
    expect(clientIp(xff("203.0.113.7"), 2)).toBe("203.0.113.7");
  });
});

describe("TRUSTED_PROXIES", () => {
  it("defaults to 0 and accepts a small non-negative integer", () => {
    expect(parseEnv({} as NodeJS.ProcessEnv).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "" } as unknown as NodeJS.ProcessEnv).TRUSTED_PROXIES).toBe(0);
    expect(parseEnv({ TRUSTED_PROXIES: "2" } as unknown as NodeJS.ProcessEnv).TRUSTED_PROXIES).toBe(2);
  });
  it("names the variable for a bad value", () => {
    expect(() => parseEnv({ TRUSTED_PROXIES: "yes" } as unknown as NodeJS.ProcessEnv)).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseEnv({ TRUSTED_PROXIES: "-1" } as unknown as NodeJS.ProcessEnv)).toThrow(/TRUSTED_PROXIES/);
  });
});

describe("per-IP rate limit key", () => {
  it("counts IPv6 clients per /64 (they can pick any address in it) and IPv4 clients per address", () => {
    expect(ipRateLimitKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipRateLimitKey("2001:0db8:0001:0002:ffff:ffff:ffff:ffff")).toBe("2001:db8:1:2::/64");
    expect(ipRateLimitKey("2001:db8::7")).toBe("2001:db8:0:0::/64");
    expect(ipRateLimitKey("::1")).toBe("0:0:0:0::/64");
    expect(ipRateLimitKey("203.0.113.7")).toBe("203.0.113.7");
    expect(ipRateLimitKey("unknown")).toBe("unknown");
  });
});
