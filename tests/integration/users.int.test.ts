import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { signInWithPassword, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors";
import { createTestUser, TEST_PASSWORD, uniqueId } from "@/tests/support/factories";

describe("accounts", () => {
  it("stores an argon2id hash, never the password", async () => {
    const user = await createTestUser();
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(TEST_PASSWORD);
    expect(row.role).toBe("READER");
  });

  it("refuses a duplicate email with a field error", async () => {
    const user = await createTestUser();
    const error = await createUser({ email: user.email.toUpperCase(), username: uniqueId("u"), displayName: "X", password: TEST_PASSWORD }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.email).toEqual(["An account with that email already exists."]);
  });

  it("refuses short and common passwords", async () => {
    const base = { email: `${uniqueId()}@example.test`, username: uniqueId("u"), displayName: "X" };
    await expect(createUser({ ...base, password: "short" })).rejects.toThrow(/at least 10 characters/);
    await expect(createUser({ ...base, password: "password123" })).rejects.toThrow(/too common/);
    await expect(createUser({ ...base, password: "qwertyuiop" })).rejects.toThrow(/too common/);
  });
});

describe("sign-in", () => {
  it("accepts the right password and records the sign-in time", async () => {
    const user = await createTestUser();
    const result = await signInWithPassword({ email: user.email, password: TEST_PASSWORD }, `ip-${uniqueId()}`);
    expect(result.id).toBe(user.id);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toBeInstanceOf(Date);
  });

  it("makes the next attempt wait after too many wrong passwords, even with the right one", async () => {
    const user = await createTestUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.freeFailures; i++) {
      await expect(signInWithPassword({ email: user.email, password: "wrong-password-x" }, `ip-${uniqueId()}`)).rejects.toThrow(/don't match/);
    }
    await expect(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, `ip-${uniqueId()}`)).rejects.toThrow(/Too many sign-in attempts. Try again in 1 minute/);
  });

  it("limits attempts per IP across accounts", async () => {
    const ip = `ip-${uniqueId()}`;
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await signInWithPassword({ email: `${uniqueId()}@nobody.test`, password: "whatever-123456" }, ip).catch(() => undefined);
    }
    const user = await createTestUser();
    await expect(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip)).rejects.toThrow(/Too many sign-in attempts/);
  });

  it("refuses a suspended account", async () => {
    const user = await createTestUser();
    await db().user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    await expect(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, `ip-${uniqueId()}`)).rejects.toThrow(/suspended/);
  });
});
