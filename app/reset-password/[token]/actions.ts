"use server";

import { unstable_rethrow } from "next/navigation";
import { resetPasswordWithToken } from "@/lib/users/reset-password-with-token";
import { isAppError, toUserMessage } from "@/lib/errors";
import { assertStorableText } from "@/lib/validation/text";
import { formDataToObject, type ActionState } from "@/lib/actions/form-action";

/** Anonymous by design: the one-time token is the credential. */
export async function resetPasswordAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const fields = formDataToObject(formData);
    assertStorableText(fields);
    await resetPasswordWithToken(fields);
    return { ok: true, message: "Your password is set. Sign in with it now." };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("Password reset failed", error);
    return { ok: false, message: toUserMessage(error) };
  }
}
