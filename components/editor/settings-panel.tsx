import { slugify } from "@/lib/posts/slug";
import { FieldError, describedBy } from "@/components/editor/field-error";
import { TagsField } from "@/components/editor/tags-field";
import type { EditorFields, FieldErrors } from "@/components/editor/types";

/** Publish date, slug, category and tags. */
export function SettingsPanel({
  fields,
  fieldErrors,
  readOnly,
  canPublish,
  publishAt,
  liveSlug,
  categories,
  tagNames,
  onEdit,
  onSlugEdit,
  onPublishAt,
}: {
  fields: EditorFields;
  fieldErrors: FieldErrors;
  readOnly: boolean;
  canPublish: boolean;
  publishAt: string;
  /** The address readers use, for a published post (null otherwise). */
  liveSlug: string | null;
  categories: { id: string; name: string }[];
  tagNames: string[];
  onEdit: (changes: Partial<EditorFields>) => void;
  onSlugEdit: (slug: string) => void;
  onPublishAt: (value: string) => void;
}) {
  return (
    <div className="panel">
      <div className="field">
        <label htmlFor="post-publish-at">Publish date</label>
        <input id="post-publish-at" type="datetime-local" value={publishAt} onChange={(e) => onPublishAt(e.target.value)} readOnly={readOnly || !canPublish} aria-describedby={describedBy(fieldErrors, "publishAt", "publish-help")} />
        <p id="publish-help" className="meta">
          {canPublish ? "A future date lets you schedule the post." : "An editor sets the date when publishing."}
        </p>
        <FieldError errors={fieldErrors} name="publishAt" />
      </div>
      <div className="field">
        <label htmlFor="post-slug">Slug</label>
        <input
          id="post-slug"
          value={fields.slug}
          readOnly={readOnly}
          onChange={(e) => onSlugEdit(e.target.value.toLowerCase())}
          onBlur={() => onEdit({ slug: slugify(fields.slug) })}
          aria-describedby={describedBy(fieldErrors, "slug", "slug-help")}
        />
        <p id="slug-help" className="meta">
          /posts/{fields.slug || "…"}
          {liveSlug !== null && fields.slug !== liveSlug ? " — after “Update”, the old address will redirect here." : ""}
        </p>
        <FieldError errors={fieldErrors} name="slug" />
      </div>
      <div className="field">
        <label htmlFor="post-category">Category</label>
        <select id="post-category" value={fields.categoryId ?? ""} disabled={readOnly} onChange={(e) => onEdit({ categoryId: e.target.value || null })} aria-describedby={describedBy(fieldErrors, "categoryId")}>
          <option value="">No category</option>
          {categories.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        <FieldError errors={fieldErrors} name="categoryId" />
      </div>
      <TagsField tags={fields.tags} tagNames={tagNames} readOnly={readOnly} fieldErrors={fieldErrors} onChange={(tags) => onEdit({ tags })} />
    </div>
  );
}
