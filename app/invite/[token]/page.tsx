import "@/app/admin/admin.css";
import Link from "next/link";
import { secretLinkMetadata } from "@/lib/seo/metadata";
import { env } from "@/lib/env";
import { findValidResetToken } from "@/lib/users/reset-password-with-token";
import { AcceptInviteForm } from "@/components/accept-invite-form";
import { OneTimeLinkPage } from "@/components/one-time-link-page";
import { acceptInviteAction } from "./actions";

export const metadata = secretLinkMetadata("Accept your invitation");
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await findValidResetToken(token);
  return (
    <OneTimeLinkPage
      title={`Welcome to ${env().SITE_NAME}`}
      valid={
        user ? (
          <>
            <p>
              Choose a password for <strong>{user.displayName}</strong> ({user.email}). You&apos;ll be signed in right after.
            </p>
            <AcceptInviteForm token={token} email={user.email} action={acceptInviteAction} />
          </>
        ) : null
      }
      invalid={
        <>
          This invitation link is invalid, has expired or was already used. Ask the person who invited you for a new one, or{" "}
          <Link href="/login">sign in</Link> if you already set your password.
        </>
      }
    />
  );
}
