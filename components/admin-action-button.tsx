"use client";

import { Form } from "@/components/form";
import type { ActionState } from "@/lib/actions/form-action";

/**
 * One button bound to a server action, with its hidden inputs; shows the outcome next to it.
 * `about` completes the button's name for screen readers ("Suspend" + " Rita Reader"): rows
 * of identical buttons stay distinguishable without turning every row's form into a landmark.
 */
export function ActionButton({
  action,
  fields,
  children,
  variant,
  confirm,
  about,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  fields: Record<string, string>;
  children: React.ReactNode;
  variant?: "secondary" | "danger";
  confirm?: string;
  /** Which item it acts on, read after the visible text. */
  about?: string;
}) {
  return (
    <Form action={action} className="inline-form" confirm={confirm}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={variant}>
        {children}
        {about ? <span className="visually-hidden"> {about}</span> : null}
      </button>
    </Form>
  );
}
