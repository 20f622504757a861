import { prepareDatabase } from "@/lib/db/bootstrap";
import { reportFatal, step } from "./cli";

/** `npm run db:seed`: migrate, then create demo content unless the database already has users. */
async function main() {
  const prepared = await prepareDatabase({ log: step, seed: "if-empty", purpose: "command" });
  await prepared.embedded?.stop();
}
main().catch(reportFatal);
