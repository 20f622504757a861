"use client";

import { AdminForm, FieldError } from "@/components/admin-form";
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
    <AdminForm action={action} className="form" label="Site settings">
      <div className="field">
        <label htmlFor="site-title">Site title</label>
        <input id="site-title" name="title" defaultValue={values.title} placeholder={defaults.title} maxLength={80} aria-describedby="site-title-help" />
        <p className="meta" id="site-title-help">
          Shown in the header and browser tabs. Default: {defaults.title}
        </p>
        <FieldError name="title" />
      </div>
      <div className="field">
        <label htmlFor="site-description">Site description</label>
        <textarea id="site-description" name="description" defaultValue={values.description} placeholder={defaults.description} rows={3} maxLength={300} />
        <FieldError name="description" />
      </div>
      <div>
        <button type="submit">Save settings</button>
      </div>
    </AdminForm>
  );
}
