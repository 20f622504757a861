import { z } from "zod";
import type { DbOrTx } from "@/lib/db";

/** "Hello, World! Ça va?" → "hello-world-ca-va" */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A slug typed into a form; empty means "make one from the name or title". */
export const optionalSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(80, "Use at most 80 characters.")
  .refine((s) => s === "" || SLUG_PATTERN.test(s), "Use lowercase letters, digits and single hyphens.")
  .default("");

/** The slug, or slug-2, slug-3… — the first that no post or old-slug redirect uses. */
export async function uniquePostSlug(tx: DbOrTx, base: string, excludePostId?: string): Promise<string> {
  const root = slugify(base) || "untitled";
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? root : `${root}-${n}`;
    const [post, redirect] = await Promise.all([
      tx.post.findUnique({ where: { slug: candidate }, select: { id: true } }),
      tx.slugRedirect.findUnique({ where: { fromSlug: candidate }, select: { postId: true } }),
    ]);
    const free = (!post || post.id === excludePostId) && (!redirect || redirect.postId === excludePostId);
    if (free) return candidate;
  }
  return `${root}-${Date.now().toString(36)}`;
}
