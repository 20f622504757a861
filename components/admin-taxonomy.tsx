"use client";

import { useState } from "react";
import { Form, Field } from "@/components/form";
import { ActionButton } from "@/components/admin-action-button";
import type { ActionState } from "@/lib/actions/form-action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Kind = "category" | "tag";
const LABEL: Record<Kind, string> = { category: "category", tag: "tag" };

function TermFields({ kind, prefix, term }: { kind: Kind; prefix: string; term?: { name: string; slug: string; description: string } }) {
  return (
    <>
      <input type="hidden" name="kind" value={kind} />
      <Field name="name" label="Name">
        <input id={`${prefix}-name`} defaultValue={term?.name} maxLength={60} required />
      </Field>
      <Field name="slug" label={`Slug ${term ? "" : "(optional)"}`}>
        <input id={`${prefix}-slug`} defaultValue={term?.slug} maxLength={80} pattern="[a-z0-9]+(-[a-z0-9]+)*" />
      </Field>
      <Field name="description" label="Description">
        <textarea id={`${prefix}-description`} defaultValue={term?.description} rows={2} maxLength={500} />
      </Field>
    </>
  );
}

export function TermCreateForm({ kind, create }: { kind: Kind; create: Action }) {
  return (
    <details className="admin-details">
      <summary>New {LABEL[kind]}</summary>
      <Form action={create} className="form" resetOnSuccess label={`New ${LABEL[kind]}`}>
        <TermFields kind={kind} prefix={`new-${kind}`} />
        <div>
          <button type="submit">Create {LABEL[kind]}</button>
        </div>
      </Form>
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
          <Form action={update} className="form" label={`Edit ${LABEL[kind]} ${term.name}`}>
            <input type="hidden" name="id" value={term.id} />
            <TermFields kind={kind} prefix={`edit-${term.id}`} term={term} />
            <div className="row-actions">
              <button type="submit">Save</button>
              <button type="button" className="secondary" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </Form>
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
    <Field name={name} label={label}>
      <input id={id} list={listId} autoComplete="off" maxLength={80} required aria-describedby="merge-hint" />
    </Field>
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
      <Form action={merge} className="form" label="Merge tags" confirm="Merge these tags? The first one is deleted and its address redirects to the second.">
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
      </Form>
    </details>
  );
}
