"use client";

import { Form, Field, SubmitButton } from "@/components/form";
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
    <Form action={action} className="form wide-form" label="Edit post">
      <input type="hidden" name="postId" value={post.id} />
      <input type="hidden" name="expectedVersion" value={post.version} />
      <Field name="title" label="Title">
        <input id="edit-title" defaultValue={post.title} maxLength={200} required />
      </Field>
      <Field name="excerpt" label="Standfirst">
        <textarea id="edit-excerpt" defaultValue={post.excerpt} rows={2} maxLength={300} />
      </Field>
      <Field name="body" label="Body (Markdown)">
        <textarea id="edit-body" defaultValue={post.body} rows={20} className="mono" />
      </Field>
      <div>
        <SubmitButton pending="Saving…">Save changes</SubmitButton>
      </div>
    </Form>
  );
}
