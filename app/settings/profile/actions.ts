"use server";

import { revalidatePath } from "next/cache";
import { formAction, serverAction } from "@/lib/actions/use-case-adapters";
import { updateProfile } from "@/lib/users/update-profile";
import { changePassword } from "@/lib/users/change-password";

/** The profile form as it is sent (the avatar is a file); the use case's schema reads its fields. */
export const updateProfileAction = formAction(updateProfile, {
  message: "Profile saved.",
  after: () => revalidatePath("/settings/profile"),
});

export const changePasswordAction = serverAction(changePassword, { present: (result) => ({ email: result.email }) });
