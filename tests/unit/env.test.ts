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

describe("mail configuration", () => {
  const parse = (vars: Record<string, string>) => parseEnv(vars as unknown as NodeJS.ProcessEnv);
  it("accepts smtp:// and smtps:// URLs and a plain or named MAIL_FROM", () => {
    expect(parse({ SMTP_URL: "smtp://user:pass@mail.example.com:587", MAIL_FROM: "news@example.com" }).SMTP_URL).toBe("smtp://user:pass@mail.example.com:587");
    expect(parse({ SMTP_URL: "smtps://mail.example.com", MAIL_FROM: "Broadsheet <news@example.com>" }).MAIL_FROM).toBe("Broadsheet <news@example.com>");
    expect(parse({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
  });
  it("stops start-up naming SMTP_URL or MAIL_FROM, without echoing the password", () => {
    expect(() => parse({ SMTP_URL: "mail.example.com:587" })).toThrow(/SMTP_URL must be an SMTP URL/);
    expect(() => parse({ SMTP_URL: "http://user:secret-pass@mail.example.com" })).toThrow(/SMTP_URL/);
    expect(() => parse({ SMTP_URL: "http://user:secret-pass@mail.example.com" })).not.toThrow(/secret-pass/);
    expect(() => parse({ MAIL_FROM: "not an address" })).toThrow(/MAIL_FROM must be an address/);
    expect(() => parse({ MAIL_FROM: "a@example.com\r\nBcc: x@example.com" })).toThrow(/MAIL_FROM/);
  });
});
