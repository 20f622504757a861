import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listTermsForAdmin } from "@/lib/taxonomy/list-terms";
import { TermCreateForm, TermRow, TagMergeForm } from "@/components/admin-taxonomy";
import { createTermAction, deleteTermAction, mergeTagsAction, updateTermAction } from "./actions";

export const metadata: Metadata = { title: "Categories and tags" };

export default async function TaxonomyPage() {
  const actor = await requirePageActor("taxonomy.manage", "/admin/taxonomy");
  const { categories, tags, redirects } = await listTermsForAdmin(actor);
  const redirectsTo = (kind: string, slug: string) => redirects.filter((r) => r.kind === kind && r.toSlug === slug).map((r) => r.fromSlug);
  return (
    <>
      <div className="page-heading">
        <h1>Categories and tags</h1>
        <p className="meta">Categories are the site&apos;s sections (one per post); tags are free labels. Changing a slug keeps the old address working with a redirect. Deleting never breaks a post.</p>
      </div>
      {(["category", "tag"] as const).map((kind) => {
        const terms = kind === "category" ? categories : tags;
        return (
          <section key={kind} className="admin-section" aria-labelledby={`${kind}-heading`}>
            <h2 id={`${kind}-heading`}>{kind === "category" ? "Categories" : "Tags"}</h2>
            <table className="data-table taxonomy-table">
              <thead>
                <tr>
                  <th scope="col">Name, slug and description</th>
                  <th scope="col">Posts</th>
                  <th scope="col">Actions</th>
                </tr>
              </thead>
              <tbody>
                {terms.map((term) => (
                  <TermRow
                    key={`${term.id}-${term.slug}-${term.name}-${term.description}`}
                    kind={kind}
                    term={{ id: term.id, name: term.name, slug: term.slug, description: term.description, posts: term._count.posts, redirectsFrom: redirectsTo(kind, term.slug) }}
                    update={updateTermAction}
                    remove={deleteTermAction}
                  />
                ))}
              </tbody>
            </table>
            <TermCreateForm kind={kind} create={createTermAction} />
            {kind === "tag" && tags.length >= 2 ? <TagMergeForm tags={tags.map((t) => ({ id: t.id, name: t.name, posts: t._count.posts }))} merge={mergeTagsAction} /> : null}
          </section>
        );
      })}
    </>
  );
}
