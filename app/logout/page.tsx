import type { Metadata } from "next";
import { LogoutButton } from "@/components/logout-button";

export const metadata: Metadata = { title: "Sign out", robots: { index: false } };

export default function LogoutPage() {
  return (
    <div style={{ maxWidth: "32rem", margin: "0 auto" }}>
      <h1>Sign out</h1>
      <p>Sign out of this browser?</p>
      <LogoutButton />
    </div>
  );
}
