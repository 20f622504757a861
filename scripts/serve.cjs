/* eslint-disable @typescript-eslint/no-require-imports */
"use strict";
const http = require("node:http");
const next = require("next");
// Shared with the cache handler Next loads itself (lib/cache/handler.cjs).
const { createHotPath } = require("../lib/cache/hot-path.cjs");
const { pageCache } = require("../lib/cache/handler.cjs");

/**
 * Two TypeScript modules, loaded once without a global loader: running the whole server
 * under `node --import tsx` cost Next's own path ~1 ms per request (tsx's module hooks run on
 * a worker thread that every dynamic import in Next's request path waits for). Loaded after
 * Next has read next.config.ts, whose own TypeScript loading tsx's hook would otherwise take over.
 */
function typescriptModules() {
  const tsx = require("tsx/cjs/api");
  const { PRIVATE_PREFIXES, SESSION_COOKIES, PRIVATE_CACHE_CONTROL } = tsx.require("../lib/http/response-headers.ts", __filename);
  const { databaseUnavailableSince } = tsx.require("../lib/db/availability.ts", __filename);
  return { PRIVATE_PREFIXES, SESSION_COOKIES, PRIVATE_CACHE_CONTROL, databaseUnavailableSince };
}

/**
 * The production server (`npm start` and the e2e server run it instead of
 * `next start`): one node http server in front of Next.js's request handler,
 * answering cache hits of public pages itself (lib/cache/hot-path.cjs, why:
 * lib/cache/README.md) and passing everything else to Next.
 *
 *   node scripts/serve.cjs -p <port> [-H <host>]
 *
 * Stops like `next start`: on SIGTERM/SIGINT it stops accepting connections,
 * finishes the requests in flight, closes Next, then exits 143/130; the
 * background work registered with lib/shutdown.ts holds that exit until done.
 */
function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main() {
  const port = Number(option("-p", "3000"));
  const hostname = option("-H", "0.0.0.0");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { PRIVATE_PREFIXES, SESSION_COOKIES, PRIVATE_CACHE_CONTROL, databaseUnavailableSince } = typescriptModules();
  const hot = createHotPath({
    pageCache,
    sessionCookies: SESSION_COOKIES,
    privateCacheControl: PRIVATE_CACHE_CONTROL,
    privatePrefixes: PRIVATE_PREFIXES,
    databaseUnavailable: () => databaseUnavailableSince() !== null,
  });
  const toNext = (req, res) =>
    handle(req, res).catch((error) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  const server = http.createServer((req, res) => hot.dispatch(req, res, toNext));
  server.on("error", (error) => {
    console.error(`[serve] ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname}:${port} (Next.js behind the page cache's hot path)`));

  let stopping = false;
  const stop = (signal) => {
    if (stopping) return;
    stopping = true;
    // Closes idle keep-alive connections now and the others as their requests finish.
    server.close(async () => {
      await app.close().catch(console.error);
      await pageCache().store.close().catch(console.error);
      process.exit(signal === "SIGINT" ? 130 : 143);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
