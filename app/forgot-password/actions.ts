"use server";

import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { env } from "@/lib/env";
import { clientIp } from "@/lib/http/client-ip";
import { isAppError } from "@/lib/errors";
import { assertStorableText } from "@/lib/validation/text";
import { requestPasswordReset } from "@/lib/users/request-password-reset";
import { formDataToObject, type ActionState } from "@/lib/actions/form-action";

/**
 * Answer no sooner than this: a known address costs a few more writes (token,
 * message, job) than an unknown one, and the time must not tell them apart.
 */
const MIN_ANSWER_MS = 400;

async function answerAfter<T>(started: number, value: T): Promise<T> {
  const wait = MIN_ANSWER_MS - (performance.now() - started);
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  return value;
}

/** Anonymous by design; the answer is the same whether or not the address has an account. */
export async function forgotPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  const started = performance.now();
  try {
    const fields = formDataToObject(formData);
    assertStorableText(fields);
    const { message } = await requestPasswordReset(fields, clientIp(await headers(), env().TRUSTED_PROXIES));
    return await answerAfter(started, { ok: true, message });
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("Forgot password failed", error);
    return { ok: false, message: "We couldn't take your request just now. Please try again in a minute." };
  }
}
