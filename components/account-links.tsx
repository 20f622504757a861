"use client";

import Link from "next/link";
import { useEffect, useState } from "react";

type Me = { displayName: string; canWrite: boolean; canModerate: boolean } | null;

/**
 * The signed-in part of the header, fetched in the browser so public pages
 * stay cacheable for everyone. Without JavaScript it shows "Sign in".
 */
export function AccountLinks() {
  const [me, setMe] = useState<Me | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch("/api/me", { cache: "no-store" })
      .then((r) => (r.ok ? r.json() : null))
      .then((data: Me) => live && setMe(data))
      .catch(() => live && setMe(null));
    return () => {
      live = false;
    };
  }, []);
  if (!me) return <Link href="/login">Sign in</Link>;
  return (
    <>
      {me.canWrite ? <Link href="/dashboard/posts">My Posts</Link> : null}
      {me.canModerate ? <Link href="/admin/review">Admin</Link> : null}
      <Link href="/settings/profile">{me.displayName}</Link>
      <Link href="/logout">Sign out</Link>
    </>
  );
}
