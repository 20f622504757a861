"use client";

import { AdminForm, FieldError } from "@/components/admin-form";
import type { ActionState } from "@/lib/actions/form-action";

/** Title, standfirst and body: the editor's quick edit before approving (the full editor is the author's). */
export function EditorEditForm({
  action,
  post,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  post: { id: string; title: string; excerpt: string; body: string; version: number };
}) {
  return (
    <AdminForm action={action} className="form wide-form" label="Edit post">
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="expectedVersion" value={post.version} />
      <div className="field">
        <label htmlFor="edit-title">Title</label>
        <input id="edit-title" name="title" defaultValue={post.title} maxLength={200} required />
        <FieldError name="title" />
      </div>
      <div className="field">
        <label htmlFor="edit-excerpt">Standfirst</label>
        <textarea id="edit-excerpt" name="excerpt" defaultValue={post.excerpt} rows={2} maxLength={300} />
        <FieldError name="excerpt" />
      </div>
      <div className="field">
        <label htmlFor="edit-body">Body (Markdown)</label>
        <textarea id="edit-body" name="body" defaultValue={post.body} rows={20} className="mono" />
        <FieldError name="body" />
      </div>
      <div>
        <button type="submit">Save changes</button>
      </div>
    </AdminForm>
  );
}
