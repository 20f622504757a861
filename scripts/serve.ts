import http from "node:http";
import next from "next";
import { PRIVATE_PREFIXES, SESSION_COOKIES } from "@/lib/http/response-headers";
import { databaseUnavailableSince } from "@/lib/db/availability";
// Plain CommonJS shared with the cache handler Next loads itself (lib/cache/handler.cjs).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createHotPath } = require("../lib/cache/hot-path.cjs");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pageCache } = require("../lib/cache/handler.cjs");

/**
 * The production server (`npm start` and the e2e server run it instead of
 * `next start`): one node http server in front of Next.js's request handler,
 * answering cache hits of public pages itself (lib/cache/hot-path.cjs, why:
 * lib/cache/README.md) and passing everything else to Next.
 *
 *   tsx scripts/serve.ts -p <port> [-H <host>]
 *
 * Stops like `next start`: on SIGTERM/SIGINT it stops accepting connections,
 * finishes the requests in flight, closes Next, then exits 143/130; the
 * background work registered with lib/shutdown.ts holds that exit until done.
 */
function option(flag: string, fallback: string): string {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}

async function main() {
  const port = Number(option("-p", "3000"));
  const hostname = option("-H", "0.0.0.0");
  const app = next({ dev: false, dir: process.cwd(), hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const hot = createHotPath({
    pageCache,
    sessionCookies: SESSION_COOKIES,
    privatePrefixes: PRIVATE_PREFIXES,
    databaseUnavailable: () => databaseUnavailableSince() !== null,
  });
  const server = http.createServer((req, res) => {
    if (hot.serve(req, res)) return;
    handle(req, res).catch((error: unknown) => {
      console.error(error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.on("error", (error) => {
    console.error(`[serve] ${error.message}`);
    process.exit(1);
  });
  server.listen(port, hostname, () => console.log(`▲ Ready on http://${hostname}:${port} (Next.js behind the page cache's hot path)`));

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
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
