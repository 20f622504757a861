/**
 * Splits plain comment text into text and link parts. Rendering puts text
 * parts in React text nodes (always escaped); only http(s) URLs become links.
 * Pure, so components may import it.
 */
export type CommentPart = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
// Punctuation that usually ends a sentence rather than a URL.
const TRAILING = /[.,;:!?)\]}»"']+$/;

export function linkifyComment(text: string): CommentPart[] {
  const parts: CommentPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    const trailing = url.match(TRAILING)?.[0] ?? "";
    // Keep a closing parenthesis that balances one inside the URL (Wikipedia links).
    let cut = trailing.length;
    if (trailing.startsWith(")") && (url.match(/\(/g)?.length ?? 0) > 0) cut = trailing.length - 1;
    url = url.slice(0, url.length - cut);
    const start = match.index;
    if (start > last) parts.push({ kind: "text", text: text.slice(last, start) });
    let href: string | null = null;
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") href = parsed.toString();
    } catch {
      href = null;
    }
    parts.push(href ? { kind: "link", text: url, href } : { kind: "text", text: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

export const COMMENT_LINK_REL = "nofollow ugc noopener";
