"use client";

import { useActionState, useEffect, useRef } from "react";
import { FormError } from "@/components/form-error";

export type NewPostState = { error: string } | null;

/**
 * "New post" as a form: posting it creates a blank draft and opens its editor
 * (see newPostAction for why a POST). `autoSubmit` is for the old address
 * /dashboard/posts/new: once the page runs in a browser it posts the form by
 * itself, so bookmarks keep working; a prefetch or a crawler runs no scripts
 * and creates nothing.
 */
export function NewPostForm({ action, autoSubmit = false, label = "New post" }: { action: (previous: NewPostState, form: FormData) => Promise<NewPostState>; autoSubmit?: boolean; label?: string }) {
  const [state, submit, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  const submitted = useRef(false);
  useEffect(() => {
    // Once per mount (React's development double effect included).
    if (!autoSubmit || submitted.current) return;
    submitted.current = true;
    form.current?.requestSubmit();
  }, [autoSubmit]);
  return (
    <form ref={form} action={submit} className="new-post-form">
      {autoSubmit ? <input type="hidden" name="replace" value="1" /> : null}
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : label}
      </button>
      <FormError message={state?.error ? state.error : null} />
    </form>
  );
}
