"use server";

import { z } from "zod";
import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/authed-action";
import { updateProfile } from "@/lib/users/update-profile";
import { changePassword, changePasswordInput } from "@/lib/users/change-password";
import { revalidatePublicContent } from "@/lib/cache/revalidate";

export const updateProfileAction = authedAction(z.instanceof(FormData), async (actor, form) => {
  const avatar = form.get("avatar");
  const file = avatar instanceof File && avatar.size > 0 ? Buffer.from(await avatar.arrayBuffer()) : null;
  const user = await updateProfile({
    actor,
    input: {
      displayName: String(form.get("displayName") ?? ""),
      bio: String(form.get("bio") ?? ""),
      removeAvatar: form.get("removeAvatar") === "on",
      // An unchecked box sends nothing: only change the setting when the form offered it.
      ...(form.get("commentDigestOffered") === "1" ? { commentDigest: form.get("commentDigest") === "on" } : {}),
    },
    avatar: file,
  });
  // Bylines and the author page show the name, bio and avatar.
  revalidatePublicContent({ authorUsernames: [user.username] });
  revalidatePath("/settings/profile");
  return { displayName: user.displayName };
});

export const changePasswordAction = authedAction(changePasswordInput, async (actor, input) => {
  const result = await changePassword({ actor, input });
  return { email: result.email };
});
