"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { Field, FieldError, Form, SubmitButton, fromActionResult, useFieldProps, type FormAction } from "@/components/form";
import { NewPasswordFields } from "@/components/new-password-fields";
import type { ActionResult } from "@/lib/actions/authed-action";

export function ProfileForm({
  displayName,
  bio,
  avatarUrl,
  maxUploadMb,
  commentDigest,
  updateProfileAction,
}: {
  /** The form action that saves it, avatar file included (app/settings/profile/actions.ts). */
  updateProfileAction: FormAction;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  maxUploadMb: number;
  /** Offered to people who write posts (null: not offered). */
  commentDigest: boolean | null;
}) {
  const router = useRouter();
  return (
    <Form
      action={async (previous, form) => {
        const result = await updateProfileAction(previous, form);
        // The header and the avatar preview show the saved profile.
        if (result?.ok) router.refresh();
        return result;
      }}
    >
      <Field name="displayName" label="Display name">
        <input id="displayName" defaultValue={displayName} maxLength={80} required />
      </Field>
      <Field name="bio" label="Bio">
        <textarea id="bio" defaultValue={bio} rows={4} maxLength={1000} />
      </Field>
      <AvatarField avatarUrl={avatarUrl} maxUploadMb={maxUploadMb} />
      {commentDigest !== null ? (
        <div>
          <input type="hidden" name="commentDigestOffered" value="1" />
          <label className="checkbox">
            <input type="checkbox" name="commentDigest" defaultChecked={commentDigest} /> Email me a daily summary of comments waiting on my posts
          </label>
          <p className="meta">Sent in the morning (07:00 UTC), only on days when comments are waiting.</p>
        </div>
      ) : null}
      <div>
        <SubmitButton pending="Saving…">Save profile</SubmitButton>
      </div>
    </Form>
  );
}

/** The current avatar, a file input and "Remove my avatar": more than one control, so wired by hand. */
function AvatarField({ avatarUrl, maxUploadMb }: { avatarUrl: string | null; maxUploadMb: number }) {
  const wiring = useFieldProps("avatar", "avatar-help");
  return (
    <div className="field">
      <label htmlFor="avatar">Avatar</label>
      {avatarUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- our own resized variant
        <img src={avatarUrl} alt="Your current avatar" width={72} height={72} className="avatar-preview" />
      ) : null}
      <input id="avatar" type="file" accept="image/jpeg,image/png,image/webp,image/gif" {...wiring} />
      <p className="meta" id="avatar-help">
        JPEG, PNG, WebP or GIF, up to {maxUploadMb} MB.
      </p>
      <FieldError name="avatar" />
      {avatarUrl ? (
        <label className="checkbox">
          <input type="checkbox" name="removeAvatar" /> Remove my avatar
        </label>
      ) : null}
    </div>
  );
}

export function PasswordForm({
  email,
  changePasswordAction,
}: {
  email: string;
  /** The server action that changes it (app/settings/profile/actions.ts). */
  changePasswordAction: (input: { currentPassword: string; newPassword: string; confirmPassword: string }) => Promise<ActionResult<unknown>>;
}) {
  async function changePassword(_previous: unknown, form: FormData) {
    const input = {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    };
    const result = await changePasswordAction(input);
    if (!result.ok) return fromActionResult(result);
    // Every session ended with the change, this one too: sign this browser in again with the new password.
    const signedIn = await signIn("credentials", { email, password: input.newPassword, redirect: false });
    return signedIn?.ok && !signedIn.error
      ? { ok: true, message: "Password changed. You were signed out everywhere else." }
      : { ok: false, message: "Password changed. Please sign in again with the new password." };
  }

  return (
    <Form action={changePassword} resetOnSuccess>
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <Field name="currentPassword" label="Current password">
        <input id="currentPassword" type="password" autoComplete="current-password" required />
      </Field>
      <NewPasswordFields idPrefix="profile" name="newPassword" confirmName="confirmPassword" />
      <div>
        <SubmitButton pending="Changing…">Change password</SubmitButton>
      </div>
    </Form>
  );
}
