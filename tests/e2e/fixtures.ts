import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { test as base, expect, request as playwrightRequest, type Page } from "@playwright/test";
import type { AccountRequest, CreatedAccount } from "@/tests/support/e2e-accounts";
import { e2eEnv } from "./support";

/**
 * Per-test accounts: each test that needs a user gets a fresh one, created
 * through lib/ (tests/support/e2e-accounts.ts), so no test suspends, locks or
 * re-passwords an account another test signs in with.
 *
 *   test.use({ userRole: "AUTHOR" });
 *   test("…", async ({ user, userPage }) => …)      // userPage: signed in as user
 *   test("…", async ({ newUser, pageAs }) => …)     // more accounts, more signed-in pages
 *
 * Each account signs in once over HTTP (next-auth's credentials callback, as
 * the login form does); its cookies are saved as Playwright storage state and
 * every page opened for it starts from that state.
 */
export type E2EUser = CreatedAccount;

const run = promisify(execFile);

/** Creates accounts in the e2e server's database (one tsx process for all of them). */
export async function createE2EUsers(requests: AccountRequest[]): Promise<E2EUser[]> {
  const env = e2eEnv();
  // react-server: lib/ use cases are `import "server-only"`, which throws under Node's default conditions.
  const { stdout } = await run(path.resolve("node_modules", ".bin", "tsx"), ["--conditions=react-server", "tests/support/e2e-accounts.ts", JSON.stringify(requests)], {
    env: {
      ...process.env,
      DATABASE_URL: env.DATABASE_URL,
      UPLOAD_DIR: env.UPLOAD_DIR,
      // lib/env.ts requires a secret with DATABASE_URL; creating accounts never signs anything with it.
      AUTH_SECRET: "e2e-accounts-secret-0123456789abcdefghijklmnop",
    },
    timeout: 60_000,
  });
  return JSON.parse(stdout) as E2EUser[];
}

/** Signs `user` in over HTTP and writes its storage state; returns the file. */
async function signInOverHttp(user: E2EUser, file: string): Promise<string> {
  const { baseURL } = e2eEnv();
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL } });
  try {
    const csrf = await api.get("/api/auth/csrf");
    expect(csrf.ok()).toBe(true);
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const response = await api.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: user.email, password: user.password, json: "true", callbackUrl: `${baseURL}/` },
    });
    expect(response.ok(), await response.text()).toBe(true);
    const state = await api.storageState({ path: file });
    expect(state.cookies.map((c) => c.name), `no session cookie for ${user.email}`).toContain("next-auth.session-token");
    return file;
  } finally {
    await api.dispose();
  }
}

type Fixtures = {
  /** Role of `user` (default READER); set with test.use({ userRole }). */
  userRole: AccountRequest["role"];
  /** A fresh account of `userRole`, created for this test. */
  user: E2EUser;
  /** A page in its own browser context, signed in as `user`. */
  userPage: Page;
  /** More fresh accounts for this test. */
  newUser: (request?: Partial<AccountRequest>) => Promise<E2EUser>;
  /** A new page in its own context, signed in as the given account (signs in once per account). */
  pageAs: (user: E2EUser) => Promise<Page>;
};

export const test = base.extend<Fixtures>({
  userRole: ["READER", { option: true }],
  newUser: async ({}, provide) => {
    await provide(async (request = {}) => (await createE2EUsers([{ role: "READER", ...request }]))[0]!);
  },
  user: async ({ userRole, newUser }, provide) => {
    await provide(await newUser({ role: userRole }));
  },
  pageAs: async ({ browser }, provide, testInfo) => {
    const states = new Map<string, Promise<string>>();
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (user) => {
      if (!states.has(user.id)) {
        fs.mkdirSync(testInfo.outputPath(), { recursive: true });
        states.set(user.id, signInOverHttp(user, testInfo.outputPath(`storage-state-${user.username}.json`)));
      }
      const context = await browser.newContext({ storageState: await states.get(user.id)! });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
  userPage: async ({ user, pageAs }, provide) => {
    await provide(await pageAs(user));
  },
});

export { expect };
