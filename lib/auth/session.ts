import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth/next";
import { redirect, forbidden } from "next/navigation";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import type { Actor, Action } from "@/lib/authz/permissions";
import { can } from "@/lib/authz/permissions";

type SessionWithUser = { userId?: string; sessionVersion?: number } | null;

/** Resolves the signed-in, active user for this request (once per request). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions())) as SessionWithUser;
  if (!session?.userId) return null;
  const user = await db().user.findUnique({
    where: { id: session.userId },
    select: { id: true, role: true, username: true, displayName: true, status: true, sessionVersion: true },
  });
  // Suspension or a password change bumps sessionVersion: old cookies stop working at once.
  if (!user || user.status !== "ACTIVE" || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return { id: user.id, role: user.role, username: user.username, displayName: user.displayName };
});

/** For pages: sign-in redirect when anonymous, 403 when signed in without the permission. */
export async function requirePageActor(action: Action, returnTo: string): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor, action)) forbidden();
  return actor;
}
