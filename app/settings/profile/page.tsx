import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { getOwnProfile } from "@/lib/users/update-profile";
import { env } from "@/lib/env";
import { mediaUrl, variantUrl } from "@/lib/media/image-url";
import { ROLE_LABELS, can } from "@/lib/authz/permissions";
import { PasswordForm, ProfileForm } from "@/components/account/profile-form";
import { changePasswordAction, updateProfileAction } from "@/app/settings/profile/actions";

export const metadata: Metadata = { title: "Your profile", robots: { index: false } };

export default async function ProfilePage() {
  const actor = await requirePageActor("profile.editOwn", "/settings/profile");
  const profile = await getOwnProfile(actor);
  const avatarUrl = profile.avatarMedia ? variantUrl(mediaUrl(profile.avatarMedia.storageKey), Math.min(320, profile.avatarMedia.width), "webp") : null;
  return (
    <div className="narrow">
      <h1>Your profile</h1>
      <p className="meta">
        Signed in as {profile.email} (@{profile.username}) · {ROLE_LABELS[actor.role]}
      </p>
      <section aria-labelledby="profile-heading">
        <h2 id="profile-heading">Profile</h2>
        <ProfileForm
          updateProfileAction={updateProfileAction}
          displayName={profile.displayName} bio={profile.bio} avatarUrl={avatarUrl} maxUploadMb={env().MAX_UPLOAD_MB}
          commentDigest={can(actor, "dashboard.access") ? profile.commentDigest : null}
        />
      </section>
      {profile.hasPassword ? (
        <section aria-labelledby="password-heading">
          <h2 id="password-heading">Password</h2>
          <PasswordForm email={profile.email} changePasswordAction={changePasswordAction} />
        </section>
      ) : null}
    </div>
  );
}
