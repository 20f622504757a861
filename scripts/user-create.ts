import { parseArgs } from "node:util";
import readline from "node:readline";
import { Writable } from "node:stream";
import { prepareDatabase } from "@/lib/db/bootstrap";
import { AppError } from "@/lib/errors";
import { closeCommandResources, reportFatal } from "./cli";

/**
 * `npm run user:create -- --email <email> --password <password> --role <ROLE> [--name <name>] [--username <username>]`
 * Creates an account against DATABASE_URL, or the embedded database when it is
 * unset: the server already running (a running app's, never stopped here), else
 * one started and stopped here. Asks for the password only when
 * --password is absent and a terminal is attached, without echoing it.
 */
const USAGE = "usage: npm run user:create -- --email <email> --password <password> --role <READER|CONTRIBUTOR|AUTHOR|EDITOR|ADMIN> [--name <name>] [--username <username>]";

function promptHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  process.stdout.write(question);
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => {
    rl.question("", (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

function usernameFromEmail(email: string): string {
  const base = email.split("@")[0]!.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[-_]+/, "").slice(0, 30);
  return base.length >= 3 ? base : `${base}user`.slice(0, 30);
}

async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: { email: { type: "string" }, password: { type: "string" }, role: { type: "string" }, name: { type: "string" }, username: { type: "string" } },
      strict: true,
    }));
  } catch (error) {
    throw new AppError("INVALID", `${(error as Error).message}\n${USAGE}`);
  }
  if (!values.email) throw new AppError("INVALID", `--email is required.\n${USAGE}`);
  const role = (values.role ?? "READER").toUpperCase();
  let password = values.password;
  if (password === undefined) {
    if (!process.stdin.isTTY) throw new AppError("INVALID", `--password is required when no terminal is attached.\n${USAGE}`);
    password = await promptHidden("Password (at least 10 characters): ");
    const again = await promptHidden("Repeat the password: ");
    if (password !== again) throw new AppError("INVALID", "The passwords don't match.");
  }
  const email = values.email.trim().toLowerCase();
  const username = values.username ?? usernameFromEmail(email);
  const displayName = values.name ?? username;

  const prepared = await prepareDatabase({ log: () => undefined, seed: "never", requireAuthSecret: false, purpose: "command" });
  try {
    const { createUser } = await import("@/lib/users/create-user");
    const roleValue = role as "READER" | "CONTRIBUTOR" | "AUTHOR" | "EDITOR" | "ADMIN";
    const user = await createUser({ email, username, displayName, password, role: roleValue });
    console.log(`created ${user.role} ${user.email} (username ${user.username}, id ${user.id})`);
  } finally {
    await closeCommandResources(prepared);
  }
}

main().then(
  () => process.exit(0),
  (error) => reportFatal(error),
);
