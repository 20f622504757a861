"use client";

import Link from "next/link";
import { ErrorMessage } from "@/components/error-message";

/** Unexpected errors inside the layout: the site's frame stays, the message never reaches the reader. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorMessage className="error-page" reset={reset} homeLink={<Link href="/">Go to the front page</Link>} />;
}
