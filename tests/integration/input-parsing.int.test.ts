import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { changePassword } from "@/lib/users/change-password";
import { registerUser } from "@/lib/users/register-user";
import { resetPasswordWithToken } from "@/lib/users/reset-password-with-token";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { createTestUser, TEST_PASSWORD, uniqueId } from "@/tests/support/factories";

/**
 * Every use case parses its input with its own schema (lib/validation/parse-input.ts):
 * bad input is an INVALID AppError naming the fields, never a ZodError that
 * reaches the user as "something went wrong", nor one message for every mistake.
 */
const failure = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
};

describe("use case input", () => {
  it("[READER] a too long password in 'change password' is a field error, not an unexpected error", async () => {
    const reader = await createTestUser();
    const error = await failure(changePassword({ actor: reader, input: { currentPassword: TEST_PASSWORD, newPassword: "x".repeat(300), confirmPassword: "x".repeat(300) } }));
    expect(error.code).toBe("INVALID");
    expect(Object.keys(error.fieldErrors ?? {})).toEqual(["newPassword", "confirmPassword"]);
  });

  it("[ANONYMOUS] registering without a password field is a field error on the password", async () => {
    const username = uniqueId("reg");
    const error = await failure(registerUser({ displayName: "New Reader", username, email: `${username}@example.test` } as never, "203.0.113.9"));
    expect(error.code).toBe("INVALID");
    expect(error.fieldErrors?.password).toHaveLength(1);
  });

  it("[ANONYMOUS] signing in without an email says which field is missing", async () => {
    const error = await failure(signInWithPassword({ email: "  ", password: "something" }, "203.0.113.10"));
    expect(error).toMatchObject({ code: "INVALID", message: "Enter your email address.", fieldErrors: { email: ["Enter your email address."] } });
  });

  it("[ANONYMOUS] a mangled reset link says the link is invalid", async () => {
    const error = await failure(resetPasswordWithToken({ token: "short", password: "a-brand-new-secret-77", confirm: "a-brand-new-secret-77" }));
    expect(error.code).toBe("INVALID");
    expect(error.message).toMatch(/This link is invalid/);
  });

  it("[EDITOR] an unknown moderation decision is a field error on the decision", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    const error = await failure(moderateComments({ actor: editor, input: { commentIds: ["x"], decision: "bury" as never } }));
    expect(error).toMatchObject({ code: "INVALID", fieldErrors: { decision: ["Choose what to do."] } });
  });
});
