import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("has working defaults and treats empty strings as unset", () => {
    const env = parseEnv({ DATABASE_URL: "", PORT: "" } as unknown as NodeJS.ProcessEnv);
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.MAX_UPLOAD_MB).toBe(10);
  });
  it("names the variable and the fix for a bad value", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" } as unknown as NodeJS.ProcessEnv)).toThrow(ConfigError);
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" } as unknown as NodeJS.ProcessEnv)).toThrow(/DATABASE_URL must be a PostgreSQL URL/);
    expect(() => parseEnv({ PORT: "abc" } as unknown as NodeJS.ProcessEnv)).toThrow(/PORT/);
    expect(() => parseEnv({ AUTH_SECRET: "short" } as unknown as NodeJS.ProcessEnv)).toThrow(/AUTH_SECRET must be at least 32/);
  });
  it("strips a trailing slash from SITE_URL", () => {
    expect(parseEnv({ SITE_URL: "https://news.example.com/" } as unknown as NodeJS.ProcessEnv).SITE_URL).toBe("https://news.example.com");
  });
});
