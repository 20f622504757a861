import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { AccountForm } from "@/components/account/account-form";
import { registerAction } from "./actions";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function RegisterPage() {
  if (await getActor()) redirect("/");
  return (
    <div className="narrow">
      <h1>Create an account</h1>
      <p>Readers can comment and follow authors. Editors can give you a writing role later.</p>
      <AccountForm submit={registerAction} submitLabel="Create account" redirectTo="/" />
    </div>
  );
}
