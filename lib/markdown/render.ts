import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeSanitize, { defaultSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import type { Element, ElementContent, Root } from "hast";
import { visit } from "unist-util-visit";
import { HEADING_ID_PREFIX } from "@/lib/markdown/heading-id";
import { dimensionsFromUrl, isLocalMediaUrl, srcSet, variantUrl } from "@/lib/media/image-url";

/**
 * Markdown → safe HTML for articles. Untrusted Markdown goes through
 * rehype-sanitize's allow-list (GitHub's schema) first; only then do our own
 * trusted transforms add heading ids and figure markup. Raw HTML in Markdown is
 * never passed through (remark-rehype drops it).
 *
 * Figures: an image alone in its paragraph, `![alt](src "Caption | Credit")`,
 * becomes <figure> with the caption and credit in <figcaption>.
 */

export const ARTICLE_IMAGE_SIZES = "(min-width: 760px) 720px, 100vw";

const schema = {
  ...defaultSchema,
  // Author-written ids and names are dropped; heading ids are added after sanitizing, with HEADING_ID_PREFIX.
  clobberPrefix: "",
  clobber: [],
  attributes: { ...defaultSchema.attributes, "*": (defaultSchema.attributes?.["*"] ?? []).filter((a) => a !== "id" && a !== "name") },
};

function text(value: string): ElementContent {
  return { type: "text", value };
}

export function splitCaption(title: string): { caption: string; credit: string } {
  const index = title.lastIndexOf(" | ");
  if (index === -1) return { caption: title.trim(), credit: "" };
  return { caption: title.slice(0, index).trim(), credit: title.slice(index + 3).trim() };
}

function responsiveImage(img: Element): void {
  const src = String(img.properties.src ?? "");
  img.properties.loading = "lazy";
  img.properties.decoding = "async";
  if (!isLocalMediaUrl(src)) return;
  const size = dimensionsFromUrl(src)!;
  img.properties.width = size.width;
  img.properties.height = size.height;
  img.properties.srcSet = srcSet(src, size.width, "webp");
  img.properties.sizes = ARTICLE_IMAGE_SIZES;
  img.properties.src = variantUrl(src, Math.min(size.width, 960), "jpeg");
}

function rehypeFigures() {
  return (tree: Root) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "p" || !parent || index === undefined) return;
      const meaningful = node.children.filter((c) => !(c.type === "text" && c.value.trim() === ""));
      const only = meaningful[0];
      if (meaningful.length !== 1 || only?.type !== "element" || only.tagName !== "img") return;
      const title = String(only.properties.title ?? "");
      delete only.properties.title;
      responsiveImage(only);
      const { caption, credit } = splitCaption(title);
      const captionChildren: ElementContent[] = [];
      if (caption) captionChildren.push({ type: "element", tagName: "span", properties: { className: ["caption"] }, children: [text(caption)] });
      if (credit) captionChildren.push({ type: "element", tagName: "span", properties: { className: ["credit"] }, children: [text(credit)] });
      const figure: Element = {
        type: "element",
        tagName: "figure",
        properties: {},
        children: captionChildren.length
          ? [only, { type: "element", tagName: "figcaption", properties: {}, children: captionChildren }]
          : [only],
      };
      parent.children[index] = figure;
    });
    // Images that are not figures still get lazy loading and sizes.
    visit(tree, "element", (node: Element) => {
      if (node.tagName === "img" && node.properties.loading === undefined) responsiveImage(node);
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeSlug, { prefix: HEADING_ID_PREFIX })
  .use(rehypeFigures)
  .use(rehypeStringify);

export function renderMarkdown(markdown: string): string {
  return String(processor.processSync(markdown));
}

export type Heading = { id: string; text: string };

/** Plain text of Markdown, for excerpts, word counts and reading time. */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function wordCount(markdown: string): number {
  const plain = markdownToPlainText(markdown);
  return plain ? plain.split(" ").length : 0;
}

/** Minutes at 230 words a minute, at least 1. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(wordCount(markdown) / 230));
}
