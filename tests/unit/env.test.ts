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

  describe("S3 media storage", () => {
    const complete = {
      S3_BUCKET: "broadsheet-media",
      S3_REGION: "eu-central-1",
      S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      S3_SECRET_ACCESS_KEY: "secret",
    };
    const parse = (values: Record<string, string>) => parseEnv(values as unknown as NodeJS.ProcessEnv);

    it("is off by default and on with a complete bucket configuration", () => {
      expect(parse({}).S3_BUCKET).toBeUndefined();
      const config = parse({ ...complete, S3_ENDPOINT: "http://127.0.0.1:9000", S3_FORCE_PATH_STYLE: "true", S3_PUBLIC_URL: "https://media.example.com/" });
      expect(config.S3_BUCKET).toBe("broadsheet-media");
      expect(config.S3_FORCE_PATH_STYLE).toBe(true);
      expect(parse(complete).S3_FORCE_PATH_STYLE).toBe(false);
    });

    it.each(["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])("a bucket without %s stops start-up naming it", (name) => {
      const values: Record<string, string> = { ...complete, [name]: "" };
      expect(() => parse(values)).toThrow(ConfigError);
      expect(() => parse(values)).toThrow(new RegExp(`${name} is required when S3_BUCKET is set`));
    });

    it("names the variable for a bad endpoint, public URL, path-style flag or bucket name", () => {
      expect(() => parse({ ...complete, S3_ENDPOINT: "minio:9000" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
      expect(() => parse({ ...complete, S3_ENDPOINT: "ftp://files.example.com" })).toThrow(/S3_ENDPOINT must be an http\(s\) URL/);
      expect(() => parse({ ...complete, S3_PUBLIC_URL: "media.example.com" })).toThrow(/S3_PUBLIC_URL must be the http\(s\) base URL/);
      expect(() => parse({ ...complete, S3_FORCE_PATH_STYLE: "yes" })).toThrow(/S3_FORCE_PATH_STYLE must be true or false/);
      expect(() => parse({ ...complete, S3_BUCKET: "My_Bucket" })).toThrow(/S3_BUCKET must be a bucket name/);
    });

    it("refuses S3 settings without S3_BUCKET instead of silently storing media on local disk", () => {
      expect(() => parse({ S3_ENDPOINT: "http://127.0.0.1:9000" })).toThrow(/S3_BUCKET is required when S3_ENDPOINT is set/);
      expect(() => parse({ S3_REGION: "eu-central-1", S3_ACCESS_KEY_ID: "x", S3_SECRET_ACCESS_KEY: "y" })).toThrow(/S3_BUCKET is required when S3_REGION is set/);
    });
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

describe("page cache configuration", () => {
  it("defaults to 128 MB of memory over a 4 GB disk tier in .data/page-cache, Redis off", () => {
    const config = parseEnv({} as unknown as NodeJS.ProcessEnv);
    expect(config.PAGE_CACHE_MEMORY_MB).toBe(128);
    expect(config.PAGE_CACHE_DISK_MB).toBe(4096);
    expect(config.PAGE_CACHE_DIR).toBe(".data/page-cache");
    expect(config.REDIS_URL).toBeUndefined();
    expect(parseEnv({ REDIS_URL: "redis://127.0.0.1:6379", PAGE_CACHE_DISK_MB: "0" } as unknown as NodeJS.ProcessEnv)).toMatchObject({ REDIS_URL: "redis://127.0.0.1:6379", PAGE_CACHE_DISK_MB: 0 });
  });

  it("stops start-up naming a bad Redis URL or size", () => {
    expect(() => parseEnv({ REDIS_URL: "127.0.0.1:6379" } as unknown as NodeJS.ProcessEnv)).toThrow(/REDIS_URL must be a Redis URL/);
    expect(() => parseEnv({ PAGE_CACHE_MEMORY_MB: "lots" } as unknown as NodeJS.ProcessEnv)).toThrow(/PAGE_CACHE_MEMORY_MB/);
    expect(() => parseEnv({ PAGE_CACHE_DISK_MB: "-1" } as unknown as NodeJS.ProcessEnv)).toThrow(/PAGE_CACHE_DISK_MB/);
    expect(() => parseEnv({ PAGE_CACHE_MEMORY_MB: "0" } as unknown as NodeJS.ProcessEnv)).toThrow(/PAGE_CACHE_MEMORY_MB/);
    // A fraction of a megabyte is a size too (a small machine; the tests' "about one page").
    expect(parseEnv({ PAGE_CACHE_MEMORY_MB: "0.5" } as unknown as NodeJS.ProcessEnv).PAGE_CACHE_MEMORY_MB).toBe(0.5);
  });
});
