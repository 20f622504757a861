import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { authOptions } from "@/lib/auth/options";
import { signInWithPassword, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { signInAccountKey } from "@/lib/auth/sign-in-backoff";
import { clearSignInLock } from "@/lib/users/clear-sign-in-lock";
import { listUsers } from "@/lib/users/list-users";
import { createTestUser, TEST_PASSWORD, uniqueId } from "@/tests/support/factories";

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;

/** The credentials provider's authorize callback, exactly as next-auth calls it (headers as a plain record). */
function credentialsAuthorize(): Authorize {
  const provider = authOptions().providers.find((p) => p.id === "credentials") as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

const randomIp = () => `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;

/** Stands in for the passing of time: the account's current delay is over. */
async function endSignInDelay(email: string) {
  await db().signInBackoff.update({ where: { key: signInAccountKey(email) }, data: { blockedUntil: new Date(Date.now() - 1000) } });
}

function outcome(result: PromiseSettledResult<unknown>): string {
  if (result.status === "fulfilled") return "signed-in";
  const reason = result.reason as { code?: string; message?: string };
  return reason.code ?? reason.message ?? "error";
}

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
  resetEnvCache();
});

describe("sign-in rate limits", () => {
  it("[ANONYMOUS] behind one trusted proxy, changing X-Forwarded-For does not escape the per-IP limit", async () => {
    process.env.TRUSTED_PROXIES = "1";
    resetEnvCache();
    const authorize = credentialsAuthorize();
    const realIp = randomIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++) {
      await expect(authorize({ email: `${uniqueId()}@nobody.test`, password: "wrong-password-x" }, { headers: { "x-forwarded-for": `10.9.8.${i}, ${realIp}` } })).rejects.toThrow(/don't match/);
    }
    const user = await createTestUser();
    await expect(authorize({ email: user.email, password: TEST_PASSWORD }, { headers: { "x-forwarded-for": `203.0.113.99, ${realIp}` } })).rejects.toThrow(/Too many sign-in attempts/);
    // Another client behind the same proxy is not affected.
    await expect(authorize({ email: user.email, password: TEST_PASSWORD }, { headers: { "x-forwarded-for": `203.0.113.99, ${randomIp()}` } })).resolves.toMatchObject({ id: user.id });
  });

  it("[ANONYMOUS] 10 parallel wrong passwords for one account: at most the limit are checked against the hash", async () => {
    const user = await createTestUser();
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => signInWithPassword({ email: user.email, password: "wrong-password-x" }, randomIp())),
    );
    const outcomes = results.map(outcome);
    // UNAUTHENTICATED means the password was checked; RATE_LIMITED means it was refused before hashing.
    expect(outcomes.filter((o) => o === "UNAUTHENTICATED").length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount.freeFailures);
    expect(outcomes.filter((o) => o === "RATE_LIMITED").length).toBeGreaterThanOrEqual(10 - SIGN_IN_LIMITS.perAccount.freeFailures);
  });

  it("[ANONYMOUS] parallel wrong passwords from one IP across accounts: at most the per-IP limit are checked", async () => {
    const ip = randomIp();
    const attempts = SIGN_IN_LIMITS.perIp.limit + 10;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, () => signInWithPassword({ email: `${uniqueId()}@nobody.test`, password: "wrong-password-x" }, ip)),
    );
    const outcomes = results.map(outcome);
    expect(outcomes.filter((o) => o === "UNAUTHENTICATED").length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perIp.limit);
    expect(outcomes.filter((o) => o === "RATE_LIMITED").length).toBeGreaterThanOrEqual(10);
  }, 60_000);

  it("[ADMIN] five wrong passwords do not lock the owner out: once the delay is over the right password signs in and resets the count", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.freeFailures; i++) {
      await expect(signInWithPassword({ email: admin.email, password: "wrong-password-x" }, randomIp())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    }
    // During the delay even the right password waits (it is not checked, so the delay tells an attacker nothing).
    await expect(signInWithPassword({ email: admin.email, password: TEST_PASSWORD }, randomIp())).rejects.toThrow(/Too many sign-in attempts. Try again in 1 minute\./);

    await endSignInDelay(admin.email);
    await expect(signInWithPassword({ email: admin.email, password: TEST_PASSWORD }, randomIp())).resolves.toMatchObject({ id: admin.id });
    expect(await db().signInBackoff.findUnique({ where: { key: signInAccountKey(admin.email) } })).toBeNull();
    // The count started again: a typo is just a typo.
    await expect(signInWithPassword({ email: admin.email, password: "wrong-password-x" }, randomIp())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("[ANONYMOUS] each further failure doubles the delay", async () => {
    const user = await createTestUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.freeFailures; i++) {
      await signInWithPassword({ email: user.email, password: "wrong-password-x" }, randomIp()).catch(() => undefined);
    }
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      await endSignInDelay(user.email);
      await expect(signInWithPassword({ email: user.email, password: "wrong-password-x" }, randomIp())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      const row = await db().signInBackoff.findUniqueOrThrow({ where: { key: signInAccountKey(user.email) } });
      delays.push(Math.round((row.blockedUntil.getTime() - Date.now()) / 1000));
    }
    expect(delays[1]! / delays[0]!).toBeCloseTo(2, 0);
    expect(delays[2]! / delays[1]!).toBeCloseTo(2, 0);
  });

  it("[ANONYMOUS] a successful sign-in does not use up the network's per-IP allowance", async () => {
    const ip = randomIp();
    const user = await createTestUser();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit + 2; i++) {
      await expect(signInWithPassword({ email: user.email, password: TEST_PASSWORD }, ip)).resolves.toMatchObject({ id: user.id });
    }
  });

  it("[ADMIN] clears another admin's sign-in delay at once; audited with the failures cleared", async () => {
    const [admin, locked] = [await createTestUser({ role: "ADMIN" }), await createTestUser({ role: "ADMIN" })];
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.freeFailures + 1; i++) {
      await signInWithPassword({ email: locked.email, password: "wrong-password-x" }, randomIp()).catch(() => undefined);
    }
    await expect(signInWithPassword({ email: locked.email, password: TEST_PASSWORD }, randomIp())).rejects.toMatchObject({ code: "RATE_LIMITED" });

    const row = async () => (await listUsers(admin, { q: locked.username, page: 1 })).users.find((u) => u.id === locked.id);
    expect((await row())?.failedSignIns).toBe(SIGN_IN_LIMITS.perAccount.freeFailures);

    await clearSignInLock({ actor: admin, input: { userId: locked.id } });
    expect((await row())?.failedSignIns).toBe(0);
    await expect(signInWithPassword({ email: locked.email, password: TEST_PASSWORD }, randomIp())).resolves.toMatchObject({ id: locked.id });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.signInLockCleared", targetId: locked.id } });
    expect(audit).toMatchObject({ actorId: admin.id, targetType: "user", changes: { failedSignIns: { from: SIGN_IN_LIMITS.perAccount.freeFailures, to: 0 } } });
    // Nothing left to clear: a clear answer, no second audit row.
    await expect(clearSignInLock({ actor: admin, input: { userId: locked.id } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().auditLog.count({ where: { action: "user.signInLockCleared", targetId: locked.id } })).toBe(1);
  });
});
