import "@/app/admin/admin.css";
import Link from "next/link";
import type { Metadata } from "next";
import { findValidResetToken } from "@/lib/users/reset-password-with-token";
import { ResetPasswordForm } from "@/components/reset-password-form";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const user = await findValidResetToken(token);
  return (
    <div className="narrow">
      <h1>Choose a new password</h1>
      {user ? (
        <>
          <p>
            For <strong>{user.displayName}</strong> ({user.email}). Setting it signs you out everywhere else.
          </p>
          <ResetPasswordForm token={token} action={resetPasswordAction} />
        </>
      ) : (
        <p className="form-error" role="alert">
          This reset link is invalid, has expired or was already used. <Link href="/forgot-password">Request a new one</Link>, or <Link href="/login">sign in</Link>.
        </p>
      )}
    </div>
  );
}
