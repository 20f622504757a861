"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/actions/use-case-adapters";
import { updateProfile } from "@/lib/users/update-profile";
import { changePassword } from "@/lib/users/change-password";

/** Called with the profile form's FormData (the avatar is a file); the use case's schema reads its fields. */
export const updateProfileAction = serverAction(updateProfile, {
  present: (user) => ({ displayName: user.displayName }),
  after: () => revalidatePath("/settings/profile"),
});

export const changePasswordAction = serverAction(changePassword, { present: (result) => ({ email: result.email }) });
