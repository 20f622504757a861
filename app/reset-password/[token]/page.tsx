import "@/app/admin/admin.css";
import Link from "next/link";
import { secretLinkMetadata } from "@/lib/seo/metadata";
import { findValidResetToken } from "@/lib/users/reset-password-with-token";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { OneTimeLinkPage } from "@/components/one-time-link-page";
import { resetPasswordAction } from "./actions";

export const metadata = secretLinkMetadata("Choose a new password");
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await findValidResetToken(token);
  return (
    <OneTimeLinkPage
      title="Choose a new password"
      valid={
        user ? (
          <>
            <p>
              For <strong>{user.displayName}</strong> ({user.email}). Setting it signs you out everywhere else.
            </p>
            <ResetPasswordForm token={token} action={resetPasswordAction} />
          </>
        ) : null
      }
      invalid={
        <>
          This reset link is invalid, has expired or was already used. <Link href="/forgot-password">Request a new one</Link>, or <Link href="/login">sign in</Link>.
        </>
      }
    />
  );
}
