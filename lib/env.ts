import { z } from "zod";

/**
 * The one place that reads process.env. Parsed once, on first use, so that
 * importing a module never fails; a bad value fails with a message naming the
 * variable and what it should look like.
 */

const emptyToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

function isSmtpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "" && (url.port === "" || Number(url.port) > 0);
}

const ADDRESS = /^[^\s@<>"(),;:]+@[^\s@<>"(),;:]+\.[^\s@<>"(),;:]+$/;
/** "news@example.com" or "Display Name <news@example.com>" (no line breaks: it goes into a header). */
function isMailbox(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const named = /^([^<>]*)<([^<>]+)>$/.exec(value.trim());
  return ADDRESS.test(named ? named[2]!.trim() : value.trim());
}

const isHttpUrl = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

const S3_SETTINGS = ["S3_REGION", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_PUBLIC_URL"] as const;

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyToUndefined, z.enum(["development", "production", "test"]).default("development")),
  DATABASE_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), {
        message: "must be a PostgreSQL URL such as postgresql://user:password@host:5432/database",
      })
      .optional(),
  ),
  EMBEDDED_PG_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1024).max(65535).default(54329)),
  EMBEDDED_PG_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/postgres")),
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
  // The production build folder (next.config.ts reads it too, before this module can load).
  NEXT_DIST_DIR: z.preprocess(emptyToUndefined, z.string().default(".next")),
  SITE_URL: z.preprocess(
    emptyToUndefined,
    z.string().url({ message: "must be an absolute URL such as https://news.example.com" }).optional(),
  ),
  // How many reverse proxies in front of the app append to X-Forwarded-For (lib/http/client-ip.ts).
  TRUSTED_PROXIES: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ message: "must be a whole number of proxies (0 = clients connect to the app directly)" })
      .int({ message: "must be a whole number of proxies (0 = clients connect to the app directly)" })
      .min(0, { message: "must be 0 or more (the number of reverse proxies in front of the app)" })
      .max(10)
      .default(0),
  ),
  SITE_NAME: z.preprocess(emptyToUndefined, z.string().default("Broadsheet")),
  SITE_DESCRIPTION: z.preprocess(
    emptyToUndefined,
    z.string().default("Independent reporting on cities, science, culture and the economy."),
  ),
  AUTH_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, { message: "must be at least 32 characters (try: openssl rand -base64 32)" }).optional(),
  ),
  UPLOAD_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/uploads")),
  MAX_UPLOAD_MB: z.preprocess(emptyToUndefined, z.coerce.number().positive().max(100).default(10)),
  // Largest export file plus media archive accepted by /admin/import (the CLI has no limit).
  IMPORT_MAX_MB: z.preprocess(emptyToUndefined, z.coerce.number().positive().max(4096).default(256)),
  // S3-compatible media storage (lib/media/s3-storage.ts): on when S3_BUCKET is set; checked as a whole below.
  S3_BUCKET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
        message: "must be a bucket name: 3-63 lowercase letters, digits, dots and hyphens",
      })
      .optional(),
  ),
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalString.refine((value) => value === undefined || isHttpUrl(value), {
    message: "must be an http(s) URL such as https://s3.eu-central-1.amazonaws.com or http://127.0.0.1:9000",
  }),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z.preprocess(
    emptyToUndefined,
    z
      .enum(["true", "false", "1", "0"], { message: "must be true or false" })
      .default("false")
      .transform((value) => value === "true" || value === "1"),
  ),
  S3_PUBLIC_URL: optionalString.refine((value) => value === undefined || isHttpUrl(value), {
    message: "must be the http(s) base URL under which the bucket's objects are public, such as https://media.example.com",
  }),
  // Outgoing mail (lib/mail/). Unset: messages stay in the outbox at /admin/mail.
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(isSmtpUrl, {
        message: "must be an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://user:password@mail.example.com:465",
      })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .refine(isMailbox, { message: 'must be an address such as news@example.com or "Broadsheet <news@example.com>"' })
      .optional(),
  ),
  GITHUB_ID: optionalString,
  GITHUB_SECRET: optionalString,
  // The page cache (lib/cache/README.md). lib/cache/handler.cjs, which Next loads outside the
  // app bundle, reads these itself with the same defaults; parsing them here stops a bad value at start-up.
  REDIS_URL: optionalString.refine((value) => value === undefined || (URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol)), {
    message: "must be a Redis URL such as redis://127.0.0.1:6379 or rediss://user:password@redis.internal:6380/0",
  }),
  PAGE_CACHE_MEMORY_MB: z.preprocess(emptyToUndefined, z.coerce.number({ message: "must be a number of megabytes" }).min(0.05).max(65536).default(128)),
  PAGE_CACHE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/page-cache")),
  PAGE_CACHE_DISK_MB: z.preprocess(emptyToUndefined, z.coerce.number({ message: "must be a number of megabytes (0 = no disk tier)" }).min(0).max(10_000_000).default(4096)),
  PAGE_CACHE_REDIS_TTL_HOURS: z.preprocess(emptyToUndefined, z.coerce.number({ message: "must be a number of hours" }).min(0.02).max(100_000).default(168)),
}).superRefine((data, context) => {
  // S3 settings only make sense together: a half-configured bucket must stop start-up, not fall back to local disk.
  if (data.S3_BUCKET) {
    const required = ["S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;
    for (const name of required) {
      if (!data[name]) context.addIssue({ code: "custom", path: [name], message: "is required when S3_BUCKET is set (media are stored in that bucket)" });
    }
  } else {
    for (const name of S3_SETTINGS) {
      if (data[name]) context.addIssue({ code: "custom", path: ["S3_BUCKET"], message: `is required when ${name} is set (or unset ${name} to store media in UPLOAD_DIR)` });
    }
  }
});

export type Env = z.infer<typeof envSchema> & { SITE_URL: string };

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`));
  }
  const data = result.data;
  const siteUrl = (data.SITE_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, "");
  return { ...data, SITE_URL: siteUrl };
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Only for tests that change process.env. */
export function resetEnvCache(): void {
  cached = undefined;
}
