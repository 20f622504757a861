import { describe, expect, it } from "vitest";
import { delayAfterFailures, SIGN_IN_BACKOFF, signInAccountKey } from "@/lib/auth/sign-in-backoff";

describe("sign-in delay per account", () => {
  it("costs nothing for the first few failures, then doubles per failure up to 15 minutes", () => {
    expect([0, 1, 4].map(delayAfterFailures)).toEqual([0, 0, 0]);
    expect(delayAfterFailures(SIGN_IN_BACKOFF.freeFailures)).toBe(32);
    expect(delayAfterFailures(6)).toBe(64);
    expect(delayAfterFailures(9)).toBe(512);
    expect(delayAfterFailures(10)).toBe(15 * 60);
    expect(delayAfterFailures(1000)).toBe(15 * 60);
  });
  it("keys by the email as typed, case and spaces aside", () => {
    expect(signInAccountKey(" Ada@Example.TEST ")).toBe(signInAccountKey("ada@example.test"));
  });
});
