"use server";

import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { registerUser } from "@/lib/users/register-user";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { assertStorableText } from "@/lib/validation/text";
import { actionError, type ActionResult } from "@/lib/actions/authed-action";

type AccountInput = { displayName: string; username: string; email: string; password: string };

function clean(input: unknown): AccountInput {
  const value = (input ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === "string" ? (value[key] as string) : "");
  assertStorableText(value);
  return { displayName: text("displayName"), username: text("username"), email: text("email"), password: text("password") };
}

/** Public sign-up: always a reader. The browser signs in with the same credentials afterwards. */
export async function registerAction(input: AccountInput): Promise<ActionResult<{ email: string }>> {
  try {
    // The same answer whether or not the email was already registered (lib/users/register-user.ts).
    const registered = await registerUser(clean(input), clientIp(await headers(), env().TRUSTED_PROXIES));
    return { ok: true, data: registered };
  } catch (error) {
    return actionError(error);
  }
}

/** /setup: the very first account, as admin; refused once any account exists. */
export async function setupAction(input: AccountInput): Promise<ActionResult<{ email: string }>> {
  try {
    const user = await createFirstAdmin(clean(input));
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    return actionError(error);
  }
}
