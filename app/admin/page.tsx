import { redirect, forbidden } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { can } from "@/lib/authz/permissions";

/** /admin → the first section this actor may use. */
export default async function AdminIndex() {
  const actor = await getActor();
  if (!actor) redirect("/login?callbackUrl=%2Fadmin");
  if (can(actor, "review.access")) redirect("/admin/review");
  if (can(actor, "comment.moderate")) redirect("/admin/comments");
  forbidden();
}
