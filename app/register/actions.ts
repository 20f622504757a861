"use server";

import type { z } from "zod";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { registerInput, registerUser } from "@/lib/users/register-user";
import { createFirstAdmin } from "@/lib/users/create-first-admin";
import { assertStorableText } from "@/lib/validation/text";
import { parseInput } from "@/lib/validation/parse-input";
import { actionError, type ActionResult } from "@/lib/actions/authed-action";

type AccountInput = z.input<typeof registerInput>;

/** The sign-up and setup forms' four fields, read with registerUser's own schema. */
function accountFields(input: unknown) {
  assertStorableText(input);
  return parseInput(registerInput, input);
}

/** Public sign-up: always a reader. The browser signs in with the same credentials afterwards. */
export async function registerAction(input: AccountInput): Promise<ActionResult<{ email: string }>> {
  try {
    // The same answer whether or not the email was already registered (lib/users/register-user.ts).
    const registered = await registerUser(accountFields(input), clientIp(await headers(), env().TRUSTED_PROXIES));
    return { ok: true, data: registered };
  } catch (error) {
    return actionError(error);
  }
}

/** /setup: the very first account, as admin; refused once any account exists. */
export async function setupAction(input: AccountInput): Promise<ActionResult<{ email: string }>> {
  try {
    const user = await createFirstAdmin(accountFields(input));
    return { ok: true, data: { email: user.email } };
  } catch (error) {
    return actionError(error);
  }
}
