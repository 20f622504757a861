"use server";

import { unstable_rethrow } from "next/navigation";
import { resetPasswordWithToken } from "@/lib/users/reset-password-with-token";
import { can } from "@/lib/authz/permissions";
import { isAppError, toUserMessage } from "@/lib/errors";
import { assertStorableText } from "@/lib/validation/text";
import { formDataToObject, type ActionState } from "@/lib/actions/form-action";

/** Anonymous by design: the one-time invitation token is the credential. The browser then signs in with the new password. */
export async function acceptInviteAction(_state: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const fields = formDataToObject(formData);
    assertStorableText(fields);
    const { email, role } = await resetPasswordWithToken(fields);
    const next = can({ id: "", role, username: "", displayName: "" }, "dashboard.access") ? "/dashboard/posts" : "/";
    return { ok: true, message: "Your password is set. Signing you in…", data: { email, next } };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return { ok: false, message: error.message, fieldErrors: error.fieldErrors };
    console.error("Accepting an invitation failed", error);
    return { ok: false, message: toUserMessage(error) };
  }
}
