"use server";

import { z } from "zod";
import { unstable_rethrow } from "next/navigation";
import { resetPasswordWithToken } from "@/lib/users/reset-password-with-token";
import { isAppError, toUserMessage } from "@/lib/errors";
import { assertStorableText } from "@/lib/validation/text";
import type { ActionState } from "@/lib/actions/form-action";

const schema = z.object({ token: z.string(), password: z.string(), confirm: z.string() });

/** Anonymous by design: the one-time token is the credential. */
export async function resetPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const raw = { token: formData.get("token") ?? "", password: formData.get("password") ?? "", confirm: formData.get("confirm") ?? "" };
    assertStorableText(raw);
    const input = schema.parse(raw);
    await resetPasswordWithToken(input);
    return { ok: true, message: "Your password is set. Sign in with it now." };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("Password reset failed", error);
    return { ok: false, message: toUserMessage(error) };
  }
}
