/**
 * Response headers for every route, as next.config.ts `headers()` rules. Pure,
 * so tests check the policy without a build. next.config.ts evaluates them at
 * `next build`: the HSTS decision follows SITE_URL as it was at build time.
 */

type HeaderRule = {
  source: string;
  has?: { type: "cookie"; key: string }[];
  missing?: { type: "cookie"; key: string }[];
  headers: { key: string; value: string }[];
};

/** next-auth's session cookie (the __Secure- form on https). */
export const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"] as const;

/**
 * Pages that belong to a signed-in person, or that change state: never given
 * shared caching (Next.js marks them private itself). Everything else on the
 * site is public reading matter.
 */
const PRIVATE_PREFIXES = ["api", "_next", "media", "dashboard", "admin", "settings", "login", "logout", "register", "setup", "reset-password"];
const PUBLIC_PAGES = `/((?!(?:${PRIVATE_PREFIXES.join("|")})(?:/|$)).*)`;

/**
 * Public pages and their 404s: a proxy or CDN in front may keep them for a
 * few seconds and serve a stale copy while it fetches a fresh one, so a
 * publish, an unpublish or a correction reaches every reader within seconds.
 * (Next.js would otherwise send `s-maxage=31536000` for cached pages: a year.)
 * Browsers always revalidate.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, s-maxage=5, stale-while-revalidate=30";
/** Anything sent to a signed-in browser: kept by nobody. */
export const PRIVATE_CACHE_CONTROL = "private, no-cache, no-store, max-age=0, must-revalidate";

/**
 * Content-Security-Policy. What it forbids: plugins (object-src), a <base>
 * that re-targets relative links, forms posting elsewhere, being framed by
 * other sites, and scripts, styles, fonts and connections to other origins.
 * What it allows, and why:
 * - inline scripts ('unsafe-inline'): Next.js streams each page's data as
 *   inline <script> tags. A nonce would make every page render per request
 *   (no page cache), and hashes differ per page. Article HTML is sanitized
 *   (lib/markdown/render.ts), which is what keeps injected scripts out.
 * - inline styles: React's style attributes and Next.js's inline CSS.
 * - images from any https origin: authors may link images in Markdown.
 * - 'unsafe-eval' and websockets only under `next dev` (React's dev tools, HMR).
 */
export function contentSecurityPolicy({ dev, https }: { dev: boolean; https: boolean }): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:", "https:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:", "wss:"] : [])],
    ["media-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'self'"],
  ];
  if (https) directives.push(["upgrade-insecure-requests"]);
  return directives.map((d) => d.join(" ")).join("; ");
}

export function responseHeaderRules({ dev, siteUrl }: { dev: boolean; siteUrl: string | undefined }): HeaderRule[] {
  const https = Boolean(siteUrl?.startsWith("https://"));
  const everywhere = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev, https }) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "SAMEORIGIN" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    // Two years, this host only: a newsroom's other subdomains may not all be on https.
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000" }] : []),
  ];
  const rules: HeaderRule[] = [{ source: "/:path*", headers: everywhere }];
  if (dev) return rules;
  // Later rules win for the same header: signed-in browsers last.
  rules.push({
    source: PUBLIC_PAGES,
    missing: SESSION_COOKIES.map((key) => ({ type: "cookie" as const, key })),
    headers: [{ key: "Cache-Control", value: PUBLIC_CACHE_CONTROL }],
  });
  for (const key of SESSION_COOKIES) {
    rules.push({ source: PUBLIC_PAGES, has: [{ type: "cookie", key }], headers: [{ key: "Cache-Control", value: PRIVATE_CACHE_CONTROL }] });
  }
  return rules;
}
