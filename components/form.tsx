"use client";

import { cloneElement, createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, useState } from "react";
import type { ActionState } from "@/lib/actions/form-action";
import type { ActionResult } from "@/lib/actions/authed-action";
import { useFlash } from "@/components/admin-flash";
import { FormError } from "@/components/form-error";

/** What every form's action answers (lib/actions/form-action.ts): ok, a message, field errors, data for the form. */
export type FormState = ActionState;

/**
 * A form's action: a server action made by formAction (lib/actions/use-case-adapters.ts),
 * or a client function that calls one (or next-auth's signIn) and answers the same shape.
 */
export type FormAction = (previous: FormState, formData: FormData) => Promise<FormState>;

/** A server action's ActionResult as a form's state (`message` is shown on success). */
export function fromActionResult(result: ActionResult<unknown>, message?: string): FormState {
  return result.ok ? { ok: true, message } : { ok: false, message: result.error, fieldErrors: result.fieldErrors };
}

type FormContextValue = { state: FormState; busy: boolean; idPrefix: string };
const FormContext = createContext<FormContextValue>({ state: null, busy: false, idPrefix: "" });

/**
 * The one form of the app. It owns calling the action, the pending state (every
 * control disabled, <SubmitButton> shows its pending label), the form's error
 * (<FormError>), field errors (<Field>/<FieldError>: aria-invalid, aria-describedby,
 * and the first invalid field gets the focus), the success message or the page
 * to go to, and keeps what the user typed: fields are never reset on an error
 * (on success only with `resetOnSuccess`). The clicked button's name/value is
 * sent (bulk actions use it).
 */
export function Form({
  action,
  children,
  className = "form",
  label,
  confirm,
  resetOnSuccess = false,
  showSuccess = true,
  renderResult,
  redirectTo,
  lockOnSuccess = false,
  disabled = false,
}: {
  action: FormAction;
  children: React.ReactNode;
  className?: string;
  /** Accessible name for the form. */
  label?: string;
  /** Asks before submitting (destructive actions); a button's data-confirm asks its own question. */
  confirm?: string;
  resetOnSuccess?: boolean;
  showSuccess?: boolean;
  /** Shown under the message after a success (e.g. a one-time link). */
  renderResult?: (state: NonNullable<FormState>) => React.ReactNode;
  /** On success, load this page (full navigation: the session may have changed); the form stays busy until it has. */
  redirectTo?: string | ((state: NonNullable<FormState>) => string | null | undefined);
  /** After a success the fields stay disabled (a one-time link was used up). */
  lockOnSuccess?: boolean;
  /** The fields are disabled for a reason of the page's own (an import still running). */
  disabled?: boolean;
}) {
  const flash = useFlash();
  const idPrefix = useId();
  const [leaving, setLeaving] = useState(false);
  // Report success to the page's live region before React applies the refreshed page
  // (which may remove this form); without one (public pages) the form shows it.
  const [state, dispatch, pending] = useActionState(async (previous: FormState, formData: FormData) => {
    const result = await action(previous, formData);
    if (result?.ok) {
      const target = typeof redirectTo === "function" ? redirectTo(result) : redirectTo;
      if (target) {
        setLeaving(true);
        window.location.assign(target);
        return result;
      }
      if (result.message && flash && showSuccess) flash(result.message);
    }
    return result;
  }, null);
  const busy = pending || leaving;
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    const form = formRef.current;
    if (!form || !state) return;
    if (state.ok && resetOnSuccess) form.reset();
    if (state.ok || !state.fieldErrors) return;
    // The first field (in the order of the form) with an error gets the focus.
    for (const element of Array.from(form.elements)) {
      const control = element as HTMLInputElement;
      if (control.name && state.fieldErrors[control.name]?.length && control.type !== "hidden" && !control.disabled) {
        control.focus();
        return;
      }
    }
  }, [state, resetOnSuccess]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const question = submitter?.dataset.confirm ?? confirm;
    if (question && !window.confirm(question)) return;
    const data = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(data));
  }

  const showMessage = state?.ok && showSuccess && !flash && !leaving && state.message;
  return (
    <FormContext.Provider value={{ state, busy, idPrefix }}>
      <form ref={formRef} className={className} onSubmit={onSubmit} aria-label={label} aria-busy={busy} noValidate>
        <FormError message={state?.ok === false ? state.message : null} />
        {showMessage ? (
          <p className="notice" role="status">
            {state.message}
          </p>
        ) : null}
        {state?.ok && renderResult ? renderResult(state) : null}
        <fieldset disabled={busy || disabled || (lockOnSuccess && !!state?.ok)} className="plain-fieldset">
          {children}
        </fieldset>
      </form>
    </FormContext.Provider>
  );
}

/** The form's state, for parts that show more of it than <Form> does. */
export function useFormContext(): FormContextValue {
  return useContext(FormContext);
}

function errorId(idPrefix: string, name: string): string {
  return `${idPrefix}${name}-error`;
}

/**
 * What a control needs to be tied to its error: aria-invalid, and
 * aria-describedby naming its help (if any) and its error (when shown).
 */
export function useFieldProps(name: string, describedBy?: string): { name: string; "aria-invalid"?: true; "aria-describedby"?: string } {
  const { state, idPrefix } = useContext(FormContext);
  const invalid = state?.ok === false && !!state.fieldErrors?.[name]?.length;
  const ids = [describedBy, invalid ? errorId(idPrefix, name) : ""].filter(Boolean).join(" ");
  return { name, ...(invalid ? { "aria-invalid": true as const } : {}), ...(ids ? { "aria-describedby": ids } : {}) };
}

/** The field's error under it; <Field> and useFieldProps point the control at it. */
export function FieldError({ name }: { name: string }) {
  const { state, idPrefix } = useContext(FormContext);
  const errors = state?.ok === false ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={errorId(idPrefix, name)}>
      {errors.join(" ")}
    </p>
  );
}

type ControlProps = { id?: string; name?: string; "aria-describedby"?: string; "aria-invalid"?: boolean | "true" | "false" };

/**
 * A labelled field: its one control (input, textarea or select, given as the
 * child with its own attributes) gets the id, name and error wiring; help text
 * and the error follow it.
 */
export function Field({
  name,
  label,
  id,
  help,
  after,
  className = "field",
  children,
}: {
  name: string;
  label: React.ReactNode;
  /** The control's id (default: derived from the form and the name). */
  id?: string;
  help?: React.ReactNode;
  /** Shown under the field without describing it (e.g. a "Forgot password?" link). */
  after?: React.ReactNode;
  className?: string;
  children: React.ReactElement<ControlProps>;
}) {
  const { idPrefix } = useContext(FormContext);
  const controlId = id ?? children.props.id ?? `${idPrefix}${name}`;
  const helpId = help ? `${controlId}-help` : undefined;
  const wiring = useFieldProps(name, [children.props["aria-describedby"], helpId].filter(Boolean).join(" ") || undefined);
  return (
    <div className={className}>
      <label htmlFor={controlId}>{label}</label>
      {cloneElement(children, { id: controlId, ...wiring })}
      {help ? (
        <p className="meta" id={helpId}>
          {help}
        </p>
      ) : null}
      <FieldError name={name} />
      {after}
    </div>
  );
}

/** The form's submit button: disabled and showing `pending` (e.g. "Saving…") while the action runs. */
export function SubmitButton({ children, pending, ...props }: React.ButtonHTMLAttributes<HTMLButtonElement> & { pending?: React.ReactNode }) {
  const { busy } = useContext(FormContext);
  return (
    <button type="submit" {...props} disabled={busy || props.disabled}>
      {busy && pending ? pending : children}
    </button>
  );
}
