import path from "node:path";
import { parseEnv } from "@/lib/env";
import { nextProcessEnv, prepareDatabase } from "@/lib/db/bootstrap";
import { ensureBuild } from "./build-app";
import { reportFatal, step } from "./cli";

/**
 * `npm run build`: the production build every `npm start` from this checkout
 * then serves. Prerendering public pages reads the database, so it gets one
 * like a command does (DATABASE_URL, else the running embedded server, else one
 * started for the build).
 */
async function main() {
  const config = parseEnv(process.env);
  const prepared = await prepareDatabase({ log: step, seed: "never", purpose: "command" });
  try {
    await ensureBuild({
      root: path.resolve("."),
      distDir: config.NEXT_DIST_DIR,
      env: nextProcessEnv(prepared, config.SITE_URL),
      log: step,
      force: true,
    });
  } finally {
    await prepared.embedded?.stop();
  }
}
main().then(() => process.exit(0), reportFatal);
