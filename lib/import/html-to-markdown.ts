import { unified } from "unified";
import rehypeRemark from "rehype-remark";
import remarkGfm from "remark-gfm";
import remarkStringify from "remark-stringify";
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";
import { visit, SKIP } from "unist-util-visit";
import type { Element, ElementContent, Root, RootContent } from "hast";
import type { SourceImage } from "@/lib/import/model";

/**
 * Imported HTML → the editor's Markdown (rehype-parse → rehype-remark →
 * remark-stringify). The Markdown is rendered later through the one sanitizer
 * (lib/markdown/render.ts) like everything authors write.
 *
 * Figures become `![alt](src "caption | credit")` alone in a paragraph, which
 * the renderer turns back into <figure>. What Markdown cannot hold (embeds,
 * galleries, shortcodes, scripts) becomes a plain link or a visible note, and
 * is listed in `notes` for the report.
 */

export type ImageResolver = (image: SourceImage) => Promise<string | null>;

export type Converted = { markdown: string; notes: string[]; images: SourceImage[] };

/** "… © Jane Doe", "… Photo: Jane Doe", "… (Photo by Jane Doe)" → caption and credit. */
export function splitCredit(text: string): { caption: string; credit: string } {
  const clean = text.replace(/\s+/g, " ").trim();
  const match = /(?:^|[\s([–—-])((?:©|\(c\)|copyright\b)\s*.+|(?:photo(?:graph)?s?|image|picture|credit|illustration|foto)(?:\s+by)?\s*:\s*.+|photo(?:graph)?\s+by\s+.+)$/i.exec(clean);
  if (!match) return { caption: clean, credit: "" };
  const found = match[1] ?? "";
  const start = match.index + match[0].length - found.length;
  const credit = found.replace(/[)\]]\s*$/, "").trim();
  const caption = clean
    .slice(0, start)
    .replace(/[\s([–—|-]+$/, "")
    .trim();
  return { caption, credit };
}

const KNOWN_SHORTCODES = new Set([
  "gallery", "embed", "audio", "video", "playlist", "contact-form", "contact-form-7", "youtube", "vimeo", "tweet", "soundcloud", "instagram", "spotify", "googlemaps", "wpforms", "ninja_form", "gravityform", "button", "column", "row", "tabs", "tab", "accordion", "toggle", "quote", "pullquote", "code", "sourcecode",
]);

const BLOCK_START = /^<\/?(?:p|div|h[1-6]|ul|ol|li|blockquote|pre|figure|figcaption|table|thead|tbody|tr|td|th|hr|dl|dt|dd|section|article|aside|iframe|script|style|form|address|!--)\b/i;

/** WordPress stores classic-editor posts without <p>: blank lines are paragraphs, single newlines <br>. */
export function autop(html: string): string {
  if (/<p[\s>]/i.test(html) || html.includes("<!-- wp:")) return html;
  return html
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => {
      if (/^https?:\/\/\S+$/.test(chunk)) return `<p><a href="${chunk}">${chunk}</a></p>`;
      return BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, "<br>\n")}</p>`;
    })
    .join("\n");
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s\\]]+))`, "i").exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? "") : null;
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const note = (text: string) => `<p><em>[${escapeHtml(text)}]</em></p>`;

/** WordPress shortcodes → HTML the converter understands, or a visible note. */
export function expandShortcodes(html: string, notes: string[]): string {
  let out = html.replace(/\[(caption|wp_caption)([^\]]*)\]([\s\S]*?)\[\/\1\]/gi, (_all, _name: string, attrs: string, inner: string) => {
    const img = /(?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?/i.exec(inner);
    const captionText = (img ? inner.replace(img[0], "") : inner).trim() || attr(attrs, "caption") || "";
    if (!img) return `<p>${captionText}</p>`;
    return `<figure>${img[0]}<figcaption>${captionText}</figcaption></figure>`;
  });
  out = out.replace(/\[embed([^\]]*)\]([\s\S]*?)\[\/embed\]/gi, (_all, _attrs: string, url: string) => {
    const href = url.trim();
    notes.push(`embed → link: ${href}`);
    return `<p><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>`;
  });
  out = out.replace(/\[(video|audio)([^\]]*)\](?:[\s\S]*?\[\/\1\])?/gi, (_all, name: string, attrs: string) => {
    const src = attr(attrs, "src") ?? attr(attrs, "mp4") ?? attr(attrs, "mp3") ?? attr(attrs, "webm") ?? attr(attrs, "ogg");
    notes.push(`${name.toLowerCase()} shortcode → ${src ? `link: ${src}` : "note"}`);
    return src ? `<p><a href="${escapeHtml(src)}">${escapeHtml(src)}</a></p>` : note(`A ${name.toLowerCase()} from the old site was not imported.`);
  });
  out = out.replace(/\[gallery([^\]]*)\]/gi, (_all, attrs: string) => {
    const ids = attr(attrs, "ids");
    notes.push(`gallery shortcode not imported${ids ? ` (attachments ${ids})` : ""}`);
    return note(`A gallery from the old site${ids ? ` (${ids.split(",").length} images)` : ""} was not imported.`);
  });
  // Other shortcodes: known names, or anything with a closing tag or attributes.
  out = out.replace(/\[([a-z][\w-]*)((?:\s+[^\]]*)?)\]([\s\S]*?)\[\/\1\]/gi, (_all, name: string, _attrs: string, inner: string) => {
    notes.push(`shortcode [${name}] removed, its content kept`);
    return `${note(`Shortcode “${name}” from the old site was not imported.`)}${inner}`;
  });
  out = out.replace(/\[([a-z][\w-]*)(\s+[^\]]*=[^\]]*|\s*\/?)\]/gi, (all, name: string, attrs: string) => {
    if (!KNOWN_SHORTCODES.has(name.toLowerCase()) && !attrs.includes("=")) return all;
    notes.push(`shortcode [${name}] not imported`);
    return note(`Shortcode “${name}” from the old site was not imported.`);
  });
  return out;
}

const el = (tagName: string, properties: Element["properties"], children: ElementContent[]): Element => ({ type: "element", tagName, properties, children });
const txt = (value: string): ElementContent => ({ type: "text", value });
const classes = (node: Element): string[] => {
  const c = node.properties.className;
  if (Array.isArray(c)) return c.map(String);
  return typeof c === "string" ? String(c).split(/\s+/) : [];
};

function linkParagraph(url: string): Element {
  return el("p", {}, [el("a", { href: url }, [txt(url)])]);
}

function noteParagraph(text: string): Element {
  return el("p", {}, [el("em", {}, [txt(`[${text}]`)])]);
}

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif)(?:\?.*)?$/i;

type PendingImage = { node: Element; image: SourceImage };

/** Figures, embeds and the rest, in place; returns the images to resolve. */
function reshape(tree: Root, notes: string[]): PendingImage[] {
  const pending: PendingImage[] = [];
  // Block-editor markers (<!-- wp:image -->) and other comments carry nothing readers see.
  visit(tree, "comment", (_node, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1);
    return [SKIP, index] as [typeof SKIP, number];
  });
  visit(tree, "element", (node: Element, index, parent) => {
    if (!parent || index === undefined) return;
    const replace = (replacement: RootContent[]) => {
      (parent.children as RootContent[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length] as [typeof SKIP, number];
    };
    const tag = node.tagName;
    if (tag === "script" || tag === "style" || tag === "noscript" || tag === "template") {
      if (tag === "script") notes.push("script removed");
      return replace([]);
    }
    if (tag === "iframe" || tag === "embed" || tag === "object" || tag === "video" || tag === "audio") {
      const src = String(node.properties.src ?? node.properties.data ?? "") || findSource(node);
      notes.push(`${tag} → ${src ? `link: ${src}` : "note"}`);
      return replace([src ? linkParagraph(src) : noteParagraph(`An embedded ${tag} from the old site was not imported.`)]);
    }
    if (tag === "figure") {
      const cls = classes(node);
      if (cls.some((c) => c.startsWith("wp-block-embed")) || cls.includes("kg-embed-card")) {
        const url = toText(node).trim().split(/\s+/)[0] ?? "";
        const iframe = findElement(node, "iframe");
        const href = /^https?:\/\//.test(url) ? url : String(iframe?.properties.src ?? "");
        notes.push(`embed → ${href ? `link: ${href}` : "note"}`);
        return replace([href ? linkParagraph(href) : noteParagraph("An embed from the old site was not imported.")]);
      }
      const imgs = findElements(node, "img");
      if (imgs.length === 1) {
        const figcaption = findElement(node, "figcaption");
        const { caption, credit } = splitCredit(figcaption ? toText(figcaption) : "");
        const img = imgs[0]!;
        const image = { url: String(img.properties.src ?? ""), alt: String(img.properties.alt ?? ""), caption, credit };
        const out = el("img", { src: image.url, alt: image.alt, title: titleFor(caption, credit) }, []);
        pending.push({ node: out, image });
        return replace([el("p", {}, [out])]);
      }
      if (imgs.length > 1) notes.push(`gallery of ${imgs.length} images → separate images`);
      return;
    }
    if (tag === "a" && node.children.length === 1) {
      const only = node.children[0];
      // WordPress links images to their own file: keep the image, drop the link.
      if (only?.type === "element" && only.tagName === "img" && IMAGE_FILE.test(String(node.properties.href ?? ""))) {
        return replace([only]);
      }
    }
    if (tag === "img") {
      const image = { url: String(node.properties.src ?? ""), alt: String(node.properties.alt ?? ""), caption: "", credit: "" };
      node.properties = { src: image.url, alt: image.alt };
      pending.push({ node, image });
    }
  });
  return pending;
}

function titleFor(caption: string, credit: string): string | undefined {
  const c = caption.replace(/\s\|\s/g, " / ");
  if (!c && !credit) return undefined;
  return credit ? `${c} | ${credit}` : c;
}

function findElements(root: Element, tagName: string): Element[] {
  const found: Element[] = [];
  visit(root, "element", (n: Element) => {
    if (n.tagName === tagName) found.push(n);
  });
  return found;
}

function findElement(root: Element, tagName: string): Element | undefined {
  return findElements(root, tagName)[0];
}

function findSource(root: Element): string {
  const source = findElement(root, "source");
  return String(source?.properties.src ?? "");
}

const toMarkdown = unified().use(rehypeRemark).use(remarkGfm).use(remarkStringify, { bullet: "-", emphasis: "_", strong: "*", fences: true, rule: "-" });

/**
 * HTML (WordPress: shortcodes and classic paragraphs allowed) → Markdown.
 * `resolveImage` gives each image its new address (null: keep the old one,
 * the file was not found and the report lists it).
 */
export async function htmlToMarkdown(html: string, options: { wordpress?: boolean; resolveImage?: ImageResolver } = {}): Promise<Converted> {
  const notes: string[] = [];
  let source = html.replace(/\u0000/g, "");
  if (options.wordpress) source = expandShortcodes(autop(source), notes);
  const tree = fromHtml(source, { fragment: true });
  const pending = reshape(tree, notes);
  for (const { node, image } of pending) {
    if (!image.url) continue;
    const url = options.resolveImage ? await options.resolveImage(image) : null;
    if (url) node.properties.src = url;
  }
  const mdast = await toMarkdown.run(tree);
  const markdown = toMarkdown.stringify(mdast as Parameters<typeof toMarkdown.stringify>[0]).trim();
  return { markdown, notes, images: pending.map((p) => p.image) };
}

/** Plain text of an HTML fragment (titles, excerpts, captions, comments), entities decoded. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  return toText(fromHtml(html.replace(/<br\s*\/?>/gi, "\n"), { fragment: true }), { whitespace: "pre" }).replace(/[ \t]+/g, " ").replace(/\n{3,}/g, "\n\n").trim();
}
