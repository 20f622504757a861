import { parseEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { reportFatal, step } from "./cli";

/** `npm run db:migrate`: apply pending migrations (to DATABASE_URL, else the embedded database). */
async function main() {
  parseEnv(process.env);
  const prepared = await prepareDatabase({ log: step, seed: "never", purpose: "command" });
  await prepared.embedded?.stop();
}
main().catch(reportFatal);
