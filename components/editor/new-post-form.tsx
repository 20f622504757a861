"use client";

import { useEffect, useRef } from "react";
import { Form, SubmitButton, type FormAction } from "@/components/form";

/**
 * "New post" as a form: posting it creates a blank draft and opens its editor
 * (see newPostAction for why a POST). `autoSubmit` is for the old address
 * /dashboard/posts/new: once the page runs in a browser it posts the form by
 * itself, so bookmarks keep working; a prefetch or a crawler runs no scripts
 * and creates nothing.
 */
export function NewPostForm({ action, autoSubmit = false, label = "New post" }: { action: FormAction; autoSubmit?: boolean; label?: string }) {
  return (
    <Form action={action} className="new-post-form">
      {autoSubmit ? <SubmitOnce /> : null}
      <SubmitButton pending="Creating…">{label}</SubmitButton>
    </Form>
  );
}

/** Posts its form once it runs in a browser (once per mount, React's development double effect included); `replace` keeps "Back" off the old address. */
function SubmitOnce() {
  const input = useRef<HTMLInputElement>(null);
  const submitted = useRef(false);
  useEffect(() => {
    if (submitted.current) return;
    submitted.current = true;
    input.current?.form?.requestSubmit();
  }, []);
  return <input ref={input} type="hidden" name="replace" value="1" />;
}
