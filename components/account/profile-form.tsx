"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/actions/authed-action";
import type { FieldErrors } from "@/lib/errors";


function FieldError({ errors, name }: { errors: FieldErrors; name: string }) {
  return errors[name]?.length ? (
    <p className="field-error" id={`${name}-error`}>
      {errors[name]!.join(" ")}
    </p>
  ) : null;
}

type Status = { kind: "notice" | "error"; text: string };

/** A form's outcome: errors are announced at once (alert), notices politely (status). */
function StatusMessage({ status }: { status: Status | null }) {
  if (!status) return null;
  return (
    <p className={status.kind === "error" ? "form-error" : "notice"} role={status.kind === "error" ? "alert" : "status"}>
      {status.text}
    </p>
  );
}

export function ProfileForm({
  displayName,
  bio,
  avatarUrl,
  maxUploadMb,
  commentDigest,
  updateProfileAction,
}: {
  /** The server action that saves it (app/settings/profile/actions.ts). */
  updateProfileAction: (form: FormData) => Promise<ActionResult<unknown>>;
  displayName: string;
  bio: string;
  avatarUrl: string | null;
  maxUploadMb: number;
  /** Offered to people who write posts (null: not offered). */
  commentDigest: boolean | null;
}) {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setStatus(null);
    const result = await updateProfileAction(new FormData(event.currentTarget));
    setPending(false);
    if (!result.ok) {
      setErrors(result.fieldErrors ?? {});
      setStatus({ kind: "error", text: result.error });
      return;
    }
    setErrors({});
    setStatus({ kind: "notice", text: "Profile saved." });
    router.refresh();
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <StatusMessage status={status} />
      <div>
        <label htmlFor="displayName">Display name</label>
        <input id="displayName" name="displayName" defaultValue={displayName} maxLength={80} required aria-describedby={errors.displayName ? "displayName-error" : undefined} />
        <FieldError errors={errors} name="displayName" />
      </div>
      <div>
        <label htmlFor="bio">Bio</label>
        <textarea id="bio" name="bio" defaultValue={bio} rows={4} maxLength={1000} aria-describedby={errors.bio ? "bio-error" : undefined} />
        <FieldError errors={errors} name="bio" />
      </div>
      <div>
        <label htmlFor="avatar">Avatar</label>
        {avatarUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own resized variant
          <img src={avatarUrl} alt="Your current avatar" width={72} height={72} className="avatar-preview" />
        ) : null}
        <input id="avatar" name="avatar" type="file" accept="image/jpeg,image/png,image/webp,image/gif" aria-describedby={`avatar-help${errors.avatar ? " avatar-error" : ""}`} />
        <p className="meta" id="avatar-help">
          JPEG, PNG, WebP or GIF, up to {maxUploadMb} MB.
        </p>
        <FieldError errors={errors} name="avatar" />
        {avatarUrl ? (
          <label className="checkbox">
            <input type="checkbox" name="removeAvatar" /> Remove my avatar
          </label>
        ) : null}
      </div>
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
        <button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save profile"}
        </button>
      </div>
    </form>
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
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<Status | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = {
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
      confirmPassword: String(form.get("confirmPassword") ?? ""),
    };
    setPending(true);
    setStatus(null);
    const result = await changePasswordAction(input);
    if (!result.ok) {
      setPending(false);
      setErrors(result.fieldErrors ?? {});
      setStatus({ kind: "error", text: result.error });
      return;
    }
    // Every session ended with the change, this one too: sign this browser in again with the new password.
    const signedIn = await signIn("credentials", { email, password: input.newPassword, redirect: false });
    setPending(false);
    setErrors({});
    formElement.reset();
    setStatus(
      signedIn?.ok && !signedIn.error
        ? { kind: "notice", text: "Password changed. You were signed out everywhere else." }
        : { kind: "error", text: "Password changed. Please sign in again with the new password." },
    );
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <StatusMessage status={status} />
      <input type="hidden" name="username" value={email} autoComplete="username" />
      <div>
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required />
        <FieldError errors={errors} name="currentPassword" />
      </div>
      <div>
        <label htmlFor="newPassword">New password</label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required aria-describedby="newPassword-help" />
        <p className="meta" id="newPassword-help">
          At least 10 characters; not a common password.
        </p>
        <FieldError errors={errors} name="newPassword" />
      </div>
      <div>
        <label htmlFor="confirmPassword">Repeat the new password</label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required />
        <FieldError errors={errors} name="confirmPassword" />
      </div>
      <div>
        <button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
