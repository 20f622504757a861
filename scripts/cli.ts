import { ConfigError } from "@/lib/env";
import { EmbeddedPostgresError } from "@/lib/db/embedded-postgres";
import { MigrationError } from "@/lib/db/migrate";
import { StartupError } from "@/lib/db/bootstrap";
import { AppError } from "@/lib/errors";
import type { PreparedDatabase } from "@/lib/db/bootstrap";
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

/**
 * The end of a command that used the database (in a `finally`): closes the
 * Prisma client, the media storage's connections when the command used it
 * (`storage: true`; an S3 client keeps sockets open), then stops the embedded
 * server when this command started it (one a running app started is left running).
 */
export async function closeCommandResources(prepared: PreparedDatabase, options: { storage?: boolean } = {}): Promise<void> {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  if (options.storage) {
    const { mediaStorage } = await import("@/lib/media/storage");
    const { S3MediaStorage } = await import("@/lib/media/s3-storage");
    const storage = mediaStorage();
    if (storage instanceof S3MediaStorage) storage.destroy();
  }
  await prepared.embedded?.stop();
}
