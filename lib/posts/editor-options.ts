import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";

/** Categories and existing tags offered in the editor's pickers. */
export async function editorOptions(actor: Actor) {
  assertCan(actor, "post.create");
  const [categories, tags] = await Promise.all([
    db().category.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db().tag.findMany({ select: { name: true }, orderBy: { name: "asc" }, take: 500 }),
  ]);
  return { categories, tagNames: tags.map((t) => t.name) };
}
