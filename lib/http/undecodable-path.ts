/**
 * Next.js answers an address whose percent-encoding is not UTF-8 (`/posts/%ff`)
 * by rendering the Pages Router's `/_error`, which an App Router–only build
 * does not have: the reader got a bare 500. proxy.ts catches these first.
 */
export function isUndecodablePath(rawPathname: string): boolean {
  if (!rawPathname.includes("%")) return false;
  try {
    decodeURIComponent(rawPathname);
    return false;
  } catch {
    return true;
  }
}

/** The site's 400 page, self-contained: no layout or database is involved. */
export function badRequestPage(siteName: string): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Bad request · ${escape(siteName)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<header><a href="/">${escape(siteName)}</a></header>
<main><p>Error 400</p><h1>That address is not valid</h1><p>The link may have been cut off or mangled on its way here.</p><p><a href="/">Go to the front page</a></p></main>
</body></html>`;
}
