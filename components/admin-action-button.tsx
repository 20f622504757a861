"use client";

import { AdminForm } from "@/components/admin-form";
import type { ActionState } from "@/lib/actions/form-action";

/** One button bound to a server action, with its hidden inputs; shows the outcome next to it. */
export function ActionButton({
  action,
  fields,
  children,
  variant,
  confirm,
  label,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  children: React.ReactNode;
  variant?: "secondary" | "danger";
  confirm?: string;
  /** Accessible name for the form (which item it acts on). */
  label?: string;
}) {
  return (
    <AdminForm action={action} className="inline-form" confirm={confirm} label={label}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={variant}>
        {children}
      </button>
    </AdminForm>
  );
}
