import { spawn } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { registerUser } from "@/lib/users/register-user";
import { changePassword } from "@/lib/users/change-password";
import { updateProfile } from "@/lib/users/update-profile";
import { verifyPassword } from "@/lib/auth/password";
import { createEmptyDatabase } from "@/tests/support/databases";
import { migrate } from "@/lib/db/migrate";
import { createTestUser, makeImageBytes, TEST_PASSWORD, uniqueId } from "@/tests/support/factories";

function runCli(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/user-create.ts", ...args], {
      env: { ...process.env, DATABASE_URL: databaseUrl, AUTH_SECRET: "", NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

describe("npm run user:create", () => {
  it("creates an account with the given role, and exits non-zero on a duplicate email or weak password", async () => {
    const database = await createEmptyDatabase();
    try {
      await migrate(database.url);
      const email = `${uniqueId()}@example.test`;
      const ok = await runCli(["--email", email, "--password", TEST_PASSWORD, "--role", "AUTHOR", "--name", "Ada Writer", "--username", "ada-writer"], database.url);
      expect(ok.stderr).toBe("");
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain(`created AUTHOR ${email}`);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query(`SELECT role, "displayName", username, "passwordHash" FROM "User" WHERE email = $1`, [email]);
      await client.end();
      expect(rows[0]).toMatchObject({ role: "AUTHOR", displayName: "Ada Writer", username: "ada-writer" });
      expect(await verifyPassword(rows[0].passwordHash, TEST_PASSWORD)).toBe(true);

      const duplicate = await runCli(["--email", email.toUpperCase(), "--password", TEST_PASSWORD, "--role", "EDITOR", "--username", "someone-else"], database.url);
      expect(duplicate.code).not.toBe(0);
      expect(duplicate.stderr).toContain("An account with that email already exists.");

      const weak = await runCli(["--email", `${uniqueId()}@example.test`, "--password", "password123", "--role", "ADMIN"], database.url);
      expect(weak.code).not.toBe(0);
      expect(weak.stderr).toMatch(/too common/);

      const noPassword = await runCli(["--email", `${uniqueId()}@example.test`, "--role", "ADMIN"], database.url);
      expect(noPassword.code).not.toBe(0);
      expect(noPassword.stderr).toMatch(/--password is required when no terminal is attached/);

      const badRole = await runCli(["--email", `${uniqueId()}@example.test`, "--password", TEST_PASSWORD, "--role", "OWNER"], database.url);
      expect(badRole.code).not.toBe(0);
      expect(badRole.stderr).toMatch(/role/);
    } finally {
      await database.drop();
    }
  }, 60_000);
});

describe("/setup", () => {
  it("creates the first account as ADMIN, once, even when two requests race", async () => {
    // This worker's database may already have users from other tests: start from none.
    const database = await createEmptyDatabase();
    await migrate(database.url);
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient } = await import("@/generated/prisma/client");
    const previous = process.env.DATABASE_URL;
    const { disconnectDb } = await import("@/lib/db");
    try {
      await disconnectDb();
      process.env.DATABASE_URL = database.url;
      (await import("@/lib/env")).resetEnvCache();
      const attempts = await Promise.allSettled(
        ["one", "two", "three"].map((n) => createFirstAdmin({ email: `${n}-${uniqueId()}@example.test`, username: `${n}-${uniqueId()}`, displayName: n, password: TEST_PASSWORD })),
      );
      expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
      for (const failed of attempts.filter((a) => a.status === "rejected")) {
        expect((failed as PromiseRejectedResult).reason).toMatchObject({ code: "FORBIDDEN", message: "Setup is already complete. Sign in instead." });
      }
      const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
      const users = await client.user.findMany();
      await client.$disconnect();
      expect(users).toHaveLength(1);
      expect(users[0]!.role).toBe("ADMIN");
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = previous;
      (await import("@/lib/env")).resetEnvCache();
      await database.drop();
    }
  }, 60_000);

  it("is closed once any user exists", async () => {
    await createTestUser();
    await expect(createFirstAdmin({ email: `${uniqueId()}@example.test`, username: uniqueId("u"), displayName: "Late", password: TEST_PASSWORD })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("registration and profile", () => {
  it("[READER] registration always creates a reader, whatever the form sends", async () => {
    const email = `${uniqueId()}@example.test`;
    await registerUser({ email, username: uniqueId("u"), displayName: "New Reader", password: TEST_PASSWORD, role: "ADMIN" } as never, `ip-${uniqueId()}`);
    expect((await db().user.findUniqueOrThrow({ where: { email } })).role).toBe("READER");
  });

  it("[ANONYMOUS] registering with a taken email answers exactly like a new registration, creates nothing and leaves the owner's account alone", async () => {
    const owner = await createTestUser();
    const before = await db().user.findUniqueOrThrow({ where: { id: owner.id } });
    const usersBefore = await db().user.count();
    const taken = await registerUser({ email: owner.email.toUpperCase(), username: uniqueId("u"), displayName: "Prober", password: "a-different-secret-991" }, `ip-${uniqueId()}`);
    const fresh = await registerUser({ email: `${uniqueId()}@example.test`, username: uniqueId("u"), displayName: "Newcomer", password: "a-different-secret-991" }, `ip-${uniqueId()}`);
    expect(Object.keys(taken)).toEqual(Object.keys(fresh));
    expect(taken).toEqual({ email: owner.email });
    expect(await db().user.count()).toBe(usersBefore + 1);
    expect(await db().user.findUniqueOrThrow({ where: { id: owner.id } })).toEqual(before);
  });

  it("[ANONYMOUS] a taken email costs the same password hashing as a new registration (no timing tell)", async () => {
    const owner = await createTestUser();
    const time = async (email: string) => {
      const started = performance.now();
      await registerUser({ email, username: uniqueId("u"), displayName: "T", password: "a-different-secret-991" }, `ip-${uniqueId()}`);
      return performance.now() - started;
    };
    const median = (values: number[]) => values.sort((a, b) => a - b)[1]!;
    const fresh: number[] = [];
    const taken: number[] = [];
    for (let i = 0; i < 3; i++) {
      fresh.push(await time(`${uniqueId()}@example.test`));
      taken.push(await time(owner.email));
    }
    // argon2id dominates both; without it the taken case answers in a few milliseconds.
    expect(median(taken)).toBeGreaterThan(median(fresh) * 0.4);
  });

  it("[ANONYMOUS] a taken username is still reported (usernames are public), whether or not the email is taken", async () => {
    const owner = await createTestUser();
    for (const email of [owner.email, `${uniqueId()}@example.test`]) {
      await expect(registerUser({ email, username: owner.username, displayName: "Copycat", password: "a-different-secret-991" }, `ip-${uniqueId()}`)).rejects.toMatchObject({
        code: "CONFLICT",
        fieldErrors: { username: ["That username is taken."] },
      });
    }
  });

  it("registration is rate limited per IP", async () => {
    const ip = `ip-${uniqueId()}`;
    for (let i = 0; i < 10; i++) await registerUser({ email: `${uniqueId()}@example.test`, username: uniqueId("u"), displayName: "R", password: TEST_PASSWORD }, ip);
    await expect(registerUser({ email: `${uniqueId()}@example.test`, username: uniqueId("u"), displayName: "R", password: TEST_PASSWORD }, ip)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("[READER] changing the password needs the current one and ends other sessions", async () => {
    const user = await createTestUser();
    const wrong = (await changePassword({ actor: user, input: { currentPassword: "not-my-password", newPassword: "a-brand-new-secret-77", confirmPassword: "a-brand-new-secret-77" } }).catch((e: unknown) => e)) as AppError;
    expect(wrong.fieldErrors?.currentPassword).toEqual(["Your current password is not right."]);
    const weak = (await changePassword({ actor: user, input: { currentPassword: TEST_PASSWORD, newPassword: "password1234", confirmPassword: "password1234" } }).catch((e: unknown) => e)) as AppError;
    expect(weak.fieldErrors?.newPassword?.[0]).toMatch(/too common/);
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    await changePassword({ actor: user, input: { currentPassword: TEST_PASSWORD, newPassword: "a-brand-new-secret-77", confirmPassword: "a-brand-new-secret-77" } });
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await verifyPassword(after.passwordHash, "a-brand-new-secret-77")).toBe(true);
  });

  it("[READER] updates display name, bio and avatar; a non-image avatar is a field error", async () => {
    const user = await createTestUser();
    const updated = await updateProfile({ actor: user, input: { displayName: "Renamed", bio: "I read.", avatar: await makeImageBytes("png") } });
    expect(updated).toMatchObject({ displayName: "Renamed", bio: "I read." });
    expect(updated.avatarMediaId).toBeTruthy();
    await expect(updateProfile({ actor: user, input: { displayName: "Renamed", avatar: Buffer.from("not an image at all") } })).rejects.toMatchObject({ fieldErrors: { avatar: ["That file is not a JPEG, PNG, WebP or GIF image."] } });
  });
});
