import "@/app/admin/admin.css";
import Link from "next/link";
import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/forgot-password-form";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <div className="narrow">
      <h1>Forgot your password?</h1>
      <p>Enter the email address of your account. We&apos;ll send you a link to choose a new password.</p>
      <ForgotPasswordForm action={forgotPasswordAction} />
      <p className="meta">
        Remembered it? <Link href="/login">Sign in</Link>.
      </p>
    </div>
  );
}
