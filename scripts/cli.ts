import { ConfigError } from "@/lib/env";
import { EmbeddedPostgresError } from "@/lib/db/embedded-postgres";
import { MigrationError } from "@/lib/db/migrate";
import { StartupError } from "@/lib/db/bootstrap";
import { AppError } from "@/lib/errors";
import { BuildFailedError } from "./build-app";

/** Prints an expected failure as "what went wrong / how to fix it", never a bare stack trace. */
export function reportFatal(error: unknown): never {
  const red = (s: string) => (process.stderr.isTTY ? `\x1b[31m${s}\x1b[0m` : s);
  if (error instanceof ConfigError) {
    console.error(red(`error: ${error.message}`));
    console.error("fix: correct the variables above (see README.md, Configuration).");
  } else if (error instanceof EmbeddedPostgresError || error instanceof MigrationError || error instanceof StartupError) {
    console.error(red(`error: ${error.message}`));
    console.error(`fix: ${error.hint}`);
  } else if (error instanceof BuildFailedError) {
    console.error(red(`error: ${error.message}`));
    console.error("fix: correct the error next build reports above, then start again.");
  } else if (error instanceof AppError) {
    console.error(red(`error: ${error.message}`));
    for (const [field, messages] of Object.entries(error.fieldErrors ?? {})) {
      if (messages?.length) console.error(`  ${field}: ${messages.join(" ")}`);
    }
  } else {
    console.error(red(`error: unexpected failure: ${error instanceof Error ? error.message : String(error)}`));
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack);
    console.error("fix: run again with DEBUG=1 for details, or report this as a bug.");
  }
  process.exit(1);
}

export const step = (line: string) => console.log(`[broadsheet] ${line}`);
