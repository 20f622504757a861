import { RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from "@/lib/db/availability";

/**
 * What a visitor gets while the database is unreachable (proxy.ts): a
 * self-contained page, readable without JavaScript, no layout and no query;
 * API callers get the same message as JSON. Both say when to come back
 * (`Retry-After`) and are never stored by a cache.
 */
export function unavailableHeaders(contentType: string): Record<string, string> {
  return { "Content-Type": contentType, "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" };
}

export function unavailablePage(siteName: string): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Briefly unavailable · ${escape(siteName)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<header><a href="/">${escape(siteName)}</a></header>
<main><p>Error 503</p><h1>The site is briefly unavailable</h1><p>We can’t reach our database at the moment. Nothing is lost: please try again in a minute.</p><p><a href="">Try again</a> · <a href="/">Go to the front page</a></p></main>
</body></html>`;
}

export function unavailableJson(): string {
  // The shape of every API error (lib/actions/route-helpers.ts).
  return JSON.stringify({ ok: false, code: "UNAVAILABLE", error: UNAVAILABLE_MESSAGE, retryAfterSeconds: RETRY_AFTER_SECONDS });
}
