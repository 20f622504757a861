/** Parsing base for relative paths; never a real host, so a result with another origin is foreign. */
const BASE = "http://callback.invalid";

/**
 * Only same-site paths: never redirect a signed-in user to another origin.
 * The value is parsed the way a browser would (the WHATWG URL parser drops
 * tabs and newlines and treats `\` as `/`, so `/\t/evil.example` means
 * `//evil.example`), and only a path on our own origin survives. The result is
 * re-serialised, so it is always a plain ASCII, percent-encoded path that is
 * safe in a Location header.
 */
export function safeCallbackUrl(value: string | undefined | null, fallback = "/dashboard/posts"): string {
  if (!value || !value.startsWith("/")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
