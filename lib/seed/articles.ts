import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import type { DemoArticle } from "@/lib/seed/demo-content";

/**
 * The demo articles: one Markdown file per article in lib/seed/articles/, the
 * file name is the slug, YAML front matter carries the rest (see any file).
 * Resolved from the working directory like prisma/migrations: every command
 * that seeds (`npm run db:seed`, `npm run dev`/`npm start`, the e2e server)
 * runs from the project root.
 */
export const DEMO_ARTICLES_DIR = path.resolve("lib", "seed", "articles");

const image = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]+$/),
  alt: z.string().min(1),
  caption: z.string(),
  credit: z.string(),
  hue: z.number().int().min(0).max(359),
  motif: z.enum(["skyline", "waves", "hills", "grid", "circles", "bars"]),
});

const frontMatter = z.strictObject({
  title: z.string().min(1),
  excerpt: z.string().min(1),
  author: z.string().min(1),
  status: z.enum(["PUBLISHED", "DRAFT", "IN_REVIEW", "SCHEDULED"]),
  daysAgo: z.number().int(),
  category: z.string().min(1),
  tags: z.array(z.string().min(1)).default([]),
  related: z.string().min(1),
  cover: image,
  figure: image,
});

/** Reads and checks every article file; a mistake names the file and the field. */
export function loadDemoArticles(dir: string = DEMO_ARTICLES_DIR): DemoArticle[] {
  if (!fs.existsSync(dir)) throw new Error(`Demo articles not found in ${dir} (run the command from the project root).`);
  const files = fs.readdirSync(dir).filter((name) => name.endsWith(".md")).sort();
  if (files.length === 0) throw new Error(`No demo articles (*.md) in ${dir}.`);
  const articles = files.map((name) => {
    const file = path.join(dir, name);
    // No cache: gray-matter memoizes by content, which would hand out shared objects.
    const parsed = matter(fs.readFileSync(file, "utf8"), {});
    const front = frontMatter.safeParse(parsed.data);
    if (!front.success) {
      const problems = front.error.issues.map((i) => `${i.path.join(".") || "(front matter)"}: ${i.message}`).join("; ");
      throw new Error(`Demo article ${file}: ${problems}`);
    }
    const body = parsed.content.trim();
    // The seed swaps `figure:<key>` for the generated image's URL.
    if (!body.includes(`](figure:${front.data.figure.key}`)) throw new Error(`Demo article ${file}: the body has no image pointing at figure:${front.data.figure.key}`);
    return { slug: name.slice(0, -".md".length), ...front.data, body };
  });
  const published = new Set(articles.filter((a) => a.status === "PUBLISHED").map((a) => a.slug));
  for (const article of articles) {
    if (!published.has(article.related)) throw new Error(`Demo article ${article.slug}: related "${article.related}" is not a published demo article.`);
  }
  return articles;
}
