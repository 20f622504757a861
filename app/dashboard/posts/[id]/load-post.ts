import { notFound } from "next/navigation";
import type { Actor } from "@/lib/authz/permissions";
import { getPostForEdit } from "@/lib/posts/get-post-for-edit";
import { isAppError } from "@/lib/errors";

/** The post for its editor or preview; someone else's post looks the same as a missing one (404). */
export async function loadPostOr404(actor: Actor, postId: string) {
  return getPostForEdit({ actor, input: { postId } }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
}
