"use client";

import { createContext, useActionState, useContext, useEffect, useRef, startTransition } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import { useFlash } from "@/components/admin-flash";
import { FormError } from "@/components/form-error";

const FormStateContext = createContext<ActionState>(null);

/**
 * A form bound to a server action returning ActionState. Submits without
 * resetting the fields (what the user typed stays on an error), shows the
 * message, and passes field errors to <FieldError name="…">. The clicked
 * button's name/value is sent (bulk actions use it).
 */
export function AdminForm({
  action,
  children,
  className = "admin-form",
  confirm,
  resetOnSuccess = false,
  label,
  showSuccess = true,
  renderResult,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  children: React.ReactNode;
  className?: string;
  /** Asks before submitting (destructive actions). */
  confirm?: string;
  resetOnSuccess?: boolean;
  /** Accessible name for the form. */
  label?: string;
  showSuccess?: boolean;
  renderResult?: (state: NonNullable<ActionState>) => React.ReactNode;
}) {
  const flash = useFlash();
  // Report success to the page's live region before React applies the refreshed page
  // (which may remove this form); without one (public pages) the form shows it.
  const [state, dispatch, pending] = useActionState(async (previous: ActionState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok && result.message && flash && showSuccess) flash(result.message);
    return result;
  }, null);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const question = submitter?.dataset.confirm ?? confirm;
    if (question && !window.confirm(question)) return;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }

  return (
    <FormStateContext.Provider value={state}>
      <form ref={formRef} className={className} onSubmit={onSubmit} aria-label={label} aria-busy={pending} noValidate>
        <FormError message={state?.ok === false ? state.message : null} />
        {state?.ok && showSuccess && !flash && state.message ? (
          <p className="notice" role="status">
            {state.message}
          </p>
        ) : null}
        {state?.ok && renderResult ? renderResult(state) : null}
        <fieldset disabled={pending} className="plain-fieldset">
          {children}
        </fieldset>
      </form>
    </FormStateContext.Provider>
  );
}

export function FieldError({ name, id }: { name: string; id?: string }) {
  const state = useContext(FormStateContext);
  const errors = state?.fieldErrors?.[name];
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(" ")}
    </p>
  );
}
