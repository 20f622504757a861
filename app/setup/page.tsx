import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasAnyUser } from "@/lib/users/create-first-admin";
import { AccountForm } from "@/components/account/account-form";
import { setupAction } from "@/app/register/actions";

export const metadata: Metadata = { title: "Set up Broadsheet", robots: { index: false } };
export const dynamic = "force-dynamic";

/** Only while no account exists; afterwards it is a 404 (and the action refuses too). */
export default async function SetupPage() {
  if (await hasAnyUser()) notFound();
  return (
    <div className="narrow">
      <h1>Set up Broadsheet</h1>
      <p>Create the first account. It becomes the administrator: it can invite editors, authors and contributors.</p>
      <AccountForm submit={setupAction} submitLabel="Create administrator account" redirectTo="/dashboard/posts" />
    </div>
  );
}
