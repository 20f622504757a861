"use client";

import { useState } from "react";
import { AdminForm, FieldError } from "@/components/admin-form";
import { ActionButton } from "@/components/admin-action-button";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Kind = "category" | "tag";
const LABEL: Record<Kind, string> = { category: "category", tag: "tag" };

function TermFields({ kind, prefix, term }: { kind: Kind; prefix: string; term?: { name: string; slug: string; description: string } }) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <div className="field">
        <label htmlFor={`${prefix}-name`}>Name</label>
        <input id={`${prefix}-name`} name="name" defaultValue={term?.name} maxLength={60} required />
        <FieldError name="name" />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-slug`}>Slug {term ? "" : "(optional)"}</label>
        <input id={`${prefix}-slug`} name="slug" defaultValue={term?.slug} maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
        <FieldError name="slug" />
      </div>
      <div className="field">
        <label htmlFor={`${prefix}-description`}>Description</label>
        <textarea id={`${prefix}-description`} name="description" defaultValue={term?.description} rows={2} maxLength={500} />
        <FieldError name="description" />
      </div>
    </>
  );
}

export function TermCreateForm({ kind, create }: { kind: Kind; create: Action }) {
  return (
    <details className="admin-details">
      <summary>New {LABEL[kind]}</summary>
      <AdminForm action={create} className="form" resetOnSuccess label={`New ${LABEL[kind]}`}>
        <TermFields kind={kind} prefix={`new-${kind}`} />
        <div>
          <button type="submit">Create {LABEL[kind]}</button>
        </div>
      </AdminForm>
    </details>
  );
}

export function TermRow({
  kind,
  term,
  update,
  remove,
}: {
  kind: Kind;
  term: { id: string; name: string; slug: string; description: string; posts: number; redirectsFrom: string[] };
  update: Action;
  remove: Action;
}) {
  const [editing, setEditing] = useState(false);
  return (
    <tr>
      <td>
        {editing ? (
          <AdminForm action={update} className="form" label={`Edit ${LABEL[kind]} ${term.name}`}>
            <input type="hidden" name="id" value={term.id} />
            <TermFields kind={kind} prefix={`edit-${term.id}`} term={term} />
            <div className="row-actions">
              <button type="submit">Save</button>
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </AdminForm>
        ) : (
          <>
            <strong>{term.name}</strong> <code className="meta">/{kind}/{term.slug}</code>
            {term.description ? <div className="meta">{term.description}</div> : null}
            {term.redirectsFrom.length > 0 ? <div className="meta">Also reached from: {term.redirectsFrom.map((s) => `/${kind}/${s}`).join(", ")}</div> : null}
          </>
        )}
      </td>
      <td>{term.posts}</td>
      <td>
        <div className="row-actions">
          {!editing ? (
            <button type="button" className="secondary" onClick={() => setEditing(true)} aria-label={`Edit ${term.name}`}>
              Edit
            </button>
          ) : null}
          <ActionButton
            action={remove}
            fields={{ kind, id: term.id }}
            variant="danger"
            about={`${LABEL[kind]} ${term.name}`}
            confirm={
              kind === "category"
                ? `Delete “${term.name}”? Its ${term.posts} post(s) stay published without a section.`
                : `Delete “${term.name}”? It is removed from its ${term.posts} post(s).`
            }
          >
            Delete
          </ActionButton>
        </div>
      </td>
    </tr>
  );
}

type TagOption = { name: string; slug: string; posts: number };

function TagInput({ id, name, label, listId }: { id: string; name: string; label: string; listId: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} list={listId} autoComplete="off" maxLength={80} required aria-describedby="merge-hint" />
      <FieldError name={name} />
    </div>
  );
}

/**
 * Two text fields (name or slug) instead of two <select>s of every tag: with
 * thousands of tags the page would carry them all twice. The tags on the page
 * shown are offered as suggestions; search the list above to find others.
 */
export function TagMergeForm({ tags, merge }: { tags: TagOption[]; merge: Action }) {
  return (
    <details className="admin-details">
      <summary>Merge tags</summary>
      <AdminForm action={merge} className="form" label="Merge tags" confirm="Merge these tags? The first one is deleted and its address redirects to the second.">
        <p className="meta" id="merge-hint">
          Type each tag&apos;s name or slug (search the list above to find one).
        </p>
        <TagInput id="merge-source" name="source" label="Merge this tag" listId="merge-tag-suggestions" />
        <TagInput id="merge-target" name="target" label="into this tag" listId="merge-tag-suggestions" />
        <datalist id="merge-tag-suggestions">
          {tags.map((t) => (
            <option key={t.slug} value={t.slug}>
              {t.name} ({t.posts})
            </option>
          ))}
        </datalist>
        <div>
          <button type="submit">Merge</button>
        </div>
      </AdminForm>
    </details>
  );
}
