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
  PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
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
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalString,
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
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
