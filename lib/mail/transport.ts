import "server-only";
import { isIP } from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

/**
 * The SMTP connection, or null without SMTP_URL (messages then stay in the
 * outbox, /admin/mail). Cached per URL: tests change SMTP_URL between cases.
 */
let cached: { url: string; transport: Transporter } | null = null;

export function mailTransport(): Transporter | null {
  const url = env().SMTP_URL;
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = {
      url,
      // Short timeouts: a job holding a dead connection delays every mail behind it.
      transport: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
    };
  }
  return cached.transport;
}

/** MAIL_FROM, else "SITE_NAME <no-reply@SITE_URL's host>". */
export function mailFrom(): string {
  const config = env();
  if (config.MAIL_FROM) return config.MAIL_FROM;
  const host = new URL(config.SITE_URL).hostname;
  // An address needs a domain: an IP becomes an address literal, a bare host name gets ".localdomain".
  const domain = isIP(host.replace(/^\[|\]$/g, "")) ? `[${host.replace(/^\[|\]$/g, "")}]` : host.includes(".") ? host : `${host}.localdomain`;
  return `${config.SITE_NAME.replace(/[<>"\r\n]/g, "")} <no-reply@${domain}>`;
}

/** Where a message's content goes when it is delivered. */
export function mailTransportName(): "smtp" | "outbox" {
  return env().SMTP_URL ? "smtp" : "outbox";
}

/** An SMTP failure as one line for the outbox (never the password in SMTP_URL). */
export function describeMailError(error: unknown): string {
  if (!(error instanceof Error)) return "Unknown error";
  const code = (error as { code?: string }).code;
  const text = (error.message || error.name).replace(/\s+/g, " ").slice(0, 300);
  const url = env().SMTP_URL;
  const password = url ? decodeURIComponent(new URL(url).password) : "";
  const safe = password ? text.split(password).join("***") : text;
  return code && !safe.includes(code) ? `${code}: ${safe}` : safe;
}
