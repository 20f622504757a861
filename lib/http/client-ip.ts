import { isIP } from "node:net";

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined | null;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** "::ffff:1.2.3.4" → "1.2.3.4", "[::1]:443" → "::1", "1.2.3.4:80" → "1.2.3.4"; anything else that is not an IP → null. */
function normalise(entry: string): string | null {
  let value = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  if (/^::ffff:[\d.]+$/i.test(value)) value = value.slice(7);
  return isIP(value) ? value.toLowerCase() : null;
}

/**
 * The address of the client, for rate limits. Pure: the caller passes the
 * request's headers and `TRUSTED_PROXIES` from lib/env.ts.
 *
 * Only entries appended by our own proxies can be believed: each proxy appends
 * the address it received the connection from, so with N trusted proxies the
 * N-th entry from the right is the one the outermost proxy saw. Everything to
 * its left was sent by the client and is ignored (as is X-Real-IP).
 *
 * With 0 proxies the socket address is wanted, but Next.js does not expose
 * the socket to route handlers (NextRequest has had no `ip` since Next 15;
 * next-auth's authorize gets only headers). Its server (`next start`) writes
 * the socket address into X-Forwarded-For only when the request has none
 * (base-server.js: `x-forwarded-for ??= socket.remoteAddress`). So the
 * rightmost entry is the socket address unless the client sent the header
 * itself, which a client talking to the app directly can do: run public
 * sites behind a proxy and set TRUSTED_PROXIES (README, "Deploying").
 */
export function clientIp(headers: HeaderSource, trustedProxies: number): string {
  const entries = (header(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return "unknown";
  const fromRight = Math.max(1, trustedProxies);
  // Fewer entries than proxies: the request skipped a proxy; take the leftmost rather than fail.
  const entry = entries[Math.max(0, entries.length - fromRight)]!;
  return normalise(entry) ?? "unknown";
}

/**
 * The key a per-IP rate limit counts under. IPv6 clients usually get a whole
 * /64 and can pick any address in it, so they count per /64; IPv4 per address.
 */
export function ipRateLimitKey(ip: string): string {
  if (isIP(ip) !== 6 || ip.includes(".")) return ip;
  const [head = "", tail = ""] = ip.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = ip.includes("::") ? (tail ? tail.split(":") : []) : [];
  const groups = [...headGroups, ...Array<string>(8 - headGroups.length - tailGroups.length).fill("0"), ...tailGroups];
  return `${groups.slice(0, 4).map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}
