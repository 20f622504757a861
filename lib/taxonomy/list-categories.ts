import { db } from "@/lib/db";

export function listCategories() {
  return db().category.findMany({ select: { id: true, name: true, slug: true, description: true }, orderBy: { name: "asc" } });
}
