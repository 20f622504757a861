"use client";

import { Form, Field, SubmitButton } from "@/components/form";
import type { ActionState } from "@/lib/actions/form-action";

export function SiteSettingsForm({
  action,
  values,
  defaults,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  values: { title: string; description: string };
  defaults: { title: string; description: string };
}) {
  return (
    <Form action={action} className="form" label="Site settings">
      <Field name="title" label="Site title" help={<>Shown in the header and browser tabs. Default: {defaults.title}</>}>
        <input id="site-title" defaultValue={values.title} placeholder={defaults.title} maxLength={80} />
      </Field>
      <Field name="description" label="Site description">
        <textarea id="site-description" defaultValue={values.description} placeholder={defaults.description} rows={3} maxLength={300} />
      </Field>
      <div>
        <SubmitButton pending="Saving…">Save settings</SubmitButton>
      </div>
    </Form>
  );
}
