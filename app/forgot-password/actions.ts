"use server";

import { z } from "zod";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { isAppError } from "@/lib/errors";
import { assertStorableText } from "@/lib/validation/text";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import type { ActionState } from "@/lib/actions/form-action";

const schema = z.object({ email: z.string() });

/** Anonymous by design; the answer is the same whether or not the address has an account. */
export async function forgotPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const raw = { email: formData.get("email") ?? "" };
    assertStorableText(raw);
    const input = schema.parse(raw);
    const { message } = await requestPasswordReset(input, clientIp(await headers(), env().TRUSTED_PROXIES));
    return { ok: true, message };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("Forgot password failed", error);
    return { ok: false, message: "We couldn't take your request just now. Please try again in a minute." };
  }
}
