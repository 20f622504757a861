import type { Metadata } from "next";
import { requirePageActor } from "@/lib/auth/session";
import { listTermsForAdmin, termListFilter } from "@/lib/taxonomy/list-terms";
import { Pager, queryString } from "@/components/admin-tabs";
import { TermCreateForm, TermRow, TagMergeForm } from "@/components/admin-taxonomy";
import { createTermAction, deleteTermAction, mergeTagsAction, updateTermAction } from "./actions";
import { DataTable } from "@/components/data-table";

export const metadata: Metadata = { title: "Categories and tags" };

export default async function TaxonomyPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePageActor("taxonomy.manage", "/admin/taxonomy");
  const filter = termListFilter.parse(await searchParams);
  const [categories, tags] = await Promise.all([
    listTermsForAdmin(actor, "category", { q: filter.q, page: filter.categoryPage }),
    listTermsForAdmin(actor, "tag", { q: filter.q, page: filter.tagPage }),
  ]);
  const href = (change: Partial<typeof filter>) => {
    const next = { ...filter, ...change };
    // Page numbers only past the first page, so links stay short.
    return `/admin/taxonomy${queryString({ q: next.q, categoryPage: next.categoryPage > 1 ? next.categoryPage : undefined, tagPage: next.tagPage > 1 ? next.tagPage : undefined })}`;
  };
  return (
    <>
      <div className="page-heading">
        <h1>Categories and tags</h1>
        <p className="meta">Categories are the site&apos;s sections (one per post); tags are free labels. Changing a slug keeps the old address working with a redirect. Deleting never breaks a post.</p>
      </div>
      <form className="filter-bar" method="get" role="search" aria-label="Search categories and tags">
        <label htmlFor="taxonomy-q">Name or slug</label>
        <input id="taxonomy-q" name="q" type="search" defaultValue={filter.q ?? ""} />
        <button type="submit" className="secondary">
          Search
        </button>
      </form>
      {(["category", "tag"] as const).map((kind) => {
        const list = kind === "category" ? categories : tags;
        const pageKey = kind === "category" ? "categoryPage" : "tagPage";
        return (
          <section key={kind} className="admin-section" aria-labelledby={`${kind}-heading`}>
            <h2 id={`${kind}-heading`}>{kind === "category" ? "Categories" : "Tags"}</h2>
            <p className="meta">
              {list.total} {kind === "category" ? (list.total === 1 ? "category" : "categories") : list.total === 1 ? "tag" : "tags"}
              {filter.q ? ` matching “${filter.q}”` : ""}
              {list.pages > 1 ? ` · page ${list.page} of ${list.pages}` : ""}
            </p>
            <DataTable columns={["Name, slug and description", "Posts", "Actions"]} className="taxonomy-table">
                {list.terms.map((term) => (
                  <TermRow key={`${term.id}-${term.slug}-${term.name}-${term.description}`} kind={kind} term={term} update={updateTermAction} remove={deleteTermAction} />
                ))}
              </DataTable>
            <Pager
              page={list.page}
              pages={list.pages}
              href={(page) => href({ [pageKey]: page })}
              label={kind === "category" ? "Category pages" : "Tag pages"}
              previous="← Previous"
              next="Next →"
            />
            <TermCreateForm kind={kind} create={createTermAction} />
            {kind === "tag" && (tags.total >= 2 || filter.q) ? <TagMergeForm tags={tags.terms} merge={mergeTagsAction} /> : null}
          </section>
        );
      })}
    </>
  );
}

