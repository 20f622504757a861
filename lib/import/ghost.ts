import fsp from "node:fs/promises";
import type { Role } from "@/generated/prisma/enums";
import { htmlToText, splitCredit } from "@/lib/import/html-to-markdown";
import { ImportFileError, type ImportBundle, type ImportStatus, type SkippedItem, type SourcePost, type SourceTerm, type SourceUser } from "@/lib/import/model";

/**
 * Ghost's export (Settings → Labs → Export, Ghost 5): `{ db: [{ meta, data }] }`
 * with data.posts, posts_meta, users, roles, roles_users, tags, posts_tags,
 * posts_authors. Post bodies: `html`, else rendered here from `lexical` or
 * `mobiledoc` (the common cards; others become a visible note).
 */

type Row = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const GHOST_ROLES: Record<string, Role> = { owner: "ADMIN", administrator: "ADMIN", editor: "EDITOR", "super editor": "EDITOR", author: "AUTHOR", contributor: "CONTRIBUTOR" };
const STATUS: Record<string, ImportStatus | undefined> = { published: "PUBLISHED", scheduled: "SCHEDULED", draft: "DRAFT" };

function fail(message: string): never {
  throw new ImportFileError(message);
}

function array(data: Row, name: string, required: boolean): Row[] {
  const value = data[name];
  if (value === undefined || value === null) {
    if (required) fail(`The Ghost export has no "db[0].data.${name}".`);
    return [];
  }
  if (!Array.isArray(value)) fail(`"db[0].data.${name}" is not a list.`);
  return value.map((row, i) => (row && typeof row === "object" ? (row as Row) : fail(`"db[0].data.${name}[${i}]" is not an object.`)));
}

function date(row: Row, field: string, where: string): Date | null {
  const v = row[field];
  if (v === null || v === undefined || v === "") return null;
  const d = new Date(typeof v === "number" ? v : str(v));
  if (Number.isNaN(d.getTime())) fail(`${where}.${field} is not a date: ${JSON.stringify(v)}`);
  return d;
}

/** Line and column of a character offset, for JSON syntax errors. */
function lineOf(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

// ---------------------------------------------------------------- Lexical and Mobiledoc → HTML

const FORMAT_TAGS: [number, string][] = [
  [1, "strong"],
  [2, "em"],
  [4, "s"],
  [16, "code"],
];

function lexicalToHtml(json: string, notes: string[]): string {
  let doc: { root?: { children?: unknown[] } };
  try {
    doc = JSON.parse(json);
  } catch {
    notes.push("the Lexical document could not be read");
    return "";
  }
  const render = (node: Row): string => {
    const children = Array.isArray(node.children) ? (node.children as Row[]).map(render).join("") : "";
    switch (node.type) {
      case "root":
        return children;
      case "paragraph":
        return `<p>${children}</p>`;
      case "heading":
      case "extended-heading":
        return `<${/^h[1-6]$/.test(str(node.tag)) ? str(node.tag) : "h2"}>${children}</${/^h[1-6]$/.test(str(node.tag)) ? str(node.tag) : "h2"}>`;
      case "quote":
      case "extended-quote":
      case "aside":
        return `<blockquote>${children}</blockquote>`;
      case "list":
        return node.listType === "number" ? `<ol>${children}</ol>` : `<ul>${children}</ul>`;
      case "listitem":
        return `<li>${children}</li>`;
      case "text":
      case "extended-text": {
        let out = esc(str(node.text));
        const format = typeof node.format === "number" ? node.format : 0;
        for (const [bit, tag] of FORMAT_TAGS) if (format & bit) out = `<${tag}>${out}</${tag}>`;
        return out;
      }
      case "linebreak":
        return "<br>";
      case "link":
      case "autolink":
        return `<a href="${esc(str(node.url))}">${children}</a>`;
      case "horizontalrule":
        return "<hr>";
      case "codeblock":
        return `<pre><code>${esc(str(node.code))}</code></pre>`;
      case "image":
        return `<figure><img src="${esc(str(node.src))}" alt="${esc(str(node.alt ?? node.altText))}">${node.caption ? `<figcaption>${str(node.caption)}</figcaption>` : ""}</figure>`;
      case "html":
        return str(node.html);
      case "markdown":
        notes.push("markdown card → paragraph text");
        return `<p>${esc(str(node.markdown))}</p>`;
      case "embed":
      case "bookmark":
      case "video":
      case "audio":
      case "file": {
        const url = str(node.url ?? node.src);
        notes.push(`${str(node.type)} card → ${url ? `link: ${url}` : "note"}`);
        return url ? `<p><a href="${esc(url)}">${esc(str((node.metadata as Row | undefined)?.title) || url)}</a></p>` : `<p><em>[A ${str(node.type)} from the old site was not imported.]</em></p>`;
      }
      case "gallery": {
        const images = Array.isArray(node.images) ? (node.images as Row[]) : [];
        notes.push(`gallery of ${images.length} images → separate images`);
        return images.map((i) => `<figure><img src="${esc(str(i.src))}" alt="${esc(str(i.alt))}">${i.caption ? `<figcaption>${str(i.caption)}</figcaption>` : ""}</figure>`).join("");
      }
      case "callout":
        return `<blockquote>${str(node.calloutText)}</blockquote>`;
      case "button":
        return `<p><a href="${esc(str(node.buttonUrl))}">${esc(str(node.buttonText) || str(node.buttonUrl))}</a></p>`;
      case "toggle":
        return `<h3>${str(node.heading)}</h3>${str(node.content)}`;
      case "paywall":
        return "";
      default:
        notes.push(`Lexical "${str(node.type)}" card not imported`);
        return `<p><em>[A “${esc(str(node.type))}” card from the old site was not imported.]</em></p>`;
    }
  };
  return doc.root ? render(doc.root as Row) : "";
}

function mobiledocToHtml(json: string, notes: string[]): { html: string; markdown?: string } {
  let doc: { markups?: unknown[][]; cards?: unknown[][]; atoms?: unknown[][]; sections?: unknown[][] };
  try {
    doc = JSON.parse(json);
  } catch {
    notes.push("the Mobiledoc document could not be read");
    return { html: "" };
  }
  const markups = (doc.markups ?? []).map((m) => {
    const tag = str(m[0]).toLowerCase();
    const attrs = Array.isArray(m[1]) ? (m[1] as string[]) : [];
    const pairs: string[] = [];
    for (let i = 0; i + 1 < attrs.length; i += 2) if (attrs[i] === "href") pairs.push(` href="${esc(str(attrs[i + 1]))}"`);
    return { open: `<${tag}${pairs.join("")}>`, close: `</${tag}>` };
  });
  const markers = (list: unknown[]): string => {
    const open: number[] = [];
    let out = "";
    for (const m of list as unknown[][]) {
      for (const i of (m[1] as number[]) ?? []) {
        out += markups[i]?.open ?? "";
        open.push(i);
      }
      out += m[0] === 1 ? esc(str((doc.atoms?.[m[3] as number] ?? [])[1])) : esc(str(m[3]));
      for (let n = 0; n < (m[2] as number); n++) out += markups[open.pop() ?? -1]?.close ?? "";
    }
    return out;
  };
  let html = "";
  const onlyMarkdown: string[] = [];
  for (const section of doc.sections ?? []) {
    const kind = section[0];
    if (kind === 1) {
      const tag = str(section[1]).toLowerCase();
      html += `<${tag}>${markers(section[2] as unknown[])}</${tag}>`;
    } else if (kind === 3) {
      const tag = str(section[1]).toLowerCase();
      html += `<${tag}>${((section[2] as unknown[][]) ?? []).map((item) => `<li>${markers(item)}</li>`).join("")}</${tag}>`;
    } else if (kind === 2) {
      html += `<p><img src="${esc(str(section[1]))}" alt=""></p>`;
    } else if (kind === 10) {
      const [name, payload] = (doc.cards?.[section[1] as number] ?? []) as [string, Row];
      const p = payload ?? {};
      if (name === "markdown" || name === "card-markdown") {
        onlyMarkdown.push(str(p.markdown));
        html += `\u0000md${onlyMarkdown.length - 1}\u0000`;
      } else if (name === "html") html += str(p.html);
      else if (name === "image") html += `<figure><img src="${esc(str(p.src))}" alt="${esc(str(p.alt))}">${p.caption ? `<figcaption>${str(p.caption)}</figcaption>` : ""}</figure>`;
      else if (name === "hr") html += "<hr>";
      else if (name === "code") html += `<pre><code>${esc(str(p.code))}</code></pre>`;
      else if (name === "embed" || name === "bookmark" || name === "video" || name === "audio") {
        const url = str(p.url ?? p.src);
        notes.push(`${name} card → ${url ? `link: ${url}` : "note"}`);
        html += url ? `<p><a href="${esc(url)}">${esc(url)}</a></p>` : `<p><em>[A ${name} from the old site was not imported.]</em></p>`;
      } else if (name === "gallery") {
        const images = Array.isArray(p.images) ? (p.images as Row[]) : [];
        html += images.map((i) => `<figure><img src="${esc(str(i.src))}" alt="${esc(str(i.alt))}"></figure>`).join("");
      } else {
        notes.push(`Mobiledoc "${name}" card not imported`);
        html += `<p><em>[A “${esc(name)}” card from the old site was not imported.]</em></p>`;
      }
    }
  }
  // A post that is one Markdown card (Ghost 1–3's editor) is Markdown already.
  if (onlyMarkdown.length === 1 && html === "\u0000md0\u0000") return { html: "", markdown: onlyMarkdown[0] };
  return { html: html.replace(/\u0000md(\d+)\u0000/g, (_m, i: string) => `<pre>${esc(onlyMarkdown[+i] ?? "")}</pre>`) };
}

// ---------------------------------------------------------------- the export

export async function readGhost(file: string): Promise<ImportBundle> {
  const text = await fsp.readFile(file, "utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    fail(`The Ghost export is not valid JSON${pos ? ` at ${lineOf(text, +pos[1]!)}` : ""}: ${message}`);
  }
  const root = json as Row;
  const db0 = Array.isArray(root.db) ? (root.db[0] as Row | undefined) : root;
  if (!db0 || typeof db0 !== "object" || !db0.data || typeof db0.data !== "object") fail('The file has no "db[0].data": not a Ghost export (Settings → Labs → Export in Ghost makes one).');
  const data = db0.data as Row;
  const posts = array(data, "posts", true);
  const users = array(data, "users", true);
  const tags = array(data, "tags", false);
  const postsTags = array(data, "posts_tags", false);
  const postsAuthors = array(data, "posts_authors", false);
  const roles = array(data, "roles", false);
  const rolesUsers = array(data, "roles_users", false);
  const postsMeta = array(data, "posts_meta", false);

  const skipped: SkippedItem[] = [];
  const notes: string[] = [];
  const roleName = new Map(roles.map((r) => [str(r.id), str(r.name).toLowerCase()]));
  const userRole = new Map<string, Role>();
  for (const ru of rolesUsers) {
    const role = GHOST_ROLES[roleName.get(str(ru.role_id)) ?? ""];
    if (role) userRole.set(str(ru.user_id), role);
  }

  const sourceUsers: SourceUser[] = users.map((u, i) => {
    const id = str(u.id) || fail(`users[${i}].id is missing.`);
    const slug = str(u.slug);
    return {
      sourceId: id,
      login: slug || str(u.name) || `user-${id}`,
      email: str(u.email),
      displayName: str(u.name) || slug || "Ghost author",
      role: userRole.get(id) ?? "AUTHOR",
      bio: str(u.bio),
      oldUrls: slug ? [`/author/${slug}/`, `/author/${slug}/rss/`] : [],
    };
  });

  const terms: SourceTerm[] = [];
  const internal = new Set<string>();
  for (const [i, t] of tags.entries()) {
    const id = str(t.id) || fail(`tags[${i}].id is missing.`);
    const name = str(t.name);
    if (name.startsWith("#") || t.visibility === "internal") {
      internal.add(id);
      continue;
    }
    const slug = str(t.slug);
    // Every Ghost tag can be a primary tag: the same term may be a section for one post and a tag for another.
    for (const kind of ["category", "tag"] as const)
      terms.push({ sourceId: `${kind}:${id}`, kind, name, slug, description: htmlToText(str(t.description)), oldUrls: slug ? [`/tag/${slug}/`] : [], oldFeedUrls: slug ? [`/tag/${slug}/rss/`] : [] });
  }
  if (internal.size) notes.push(`${internal.size} internal tag(s) (#…) skipped.`);

  const tagsOf = new Map<string, { tagId: string; order: number }[]>();
  for (const pt of postsTags) {
    const list = tagsOf.get(str(pt.post_id)) ?? [];
    list.push({ tagId: str(pt.tag_id), order: typeof pt.sort_order === "number" ? pt.sort_order : list.length });
    tagsOf.set(str(pt.post_id), list);
  }
  const authorsOf = new Map<string, { id: string; order: number }[]>();
  for (const pa of postsAuthors) {
    const list = authorsOf.get(str(pa.post_id)) ?? [];
    list.push({ id: str(pa.author_id), order: typeof pa.sort_order === "number" ? pa.sort_order : list.length });
    authorsOf.set(str(pa.post_id), list);
  }
  const metaOf = new Map(postsMeta.map((m) => [str(m.post_id), m]));

  const sourcePosts: SourcePost[] = [];
  for (const [i, p] of posts.entries()) {
    const where = `posts[${i}]`;
    const id = str(p.id) || fail(`${where}.id is missing.`);
    const title = str(p.title);
    const type = p.type === "page" ? "page" : "post";
    const status = STATUS[str(p.status)];
    if (!status) {
      skipped.push({ kind: type, sourceId: id, title, reason: p.status === "sent" ? "sent as email only, never on the site" : `status "${str(p.status)}" is not imported` });
      continue;
    }
    const created = date(p, "created_at", where) ?? fail(`${where}.created_at is missing.`);
    const published = date(p, "published_at", where);
    if ((status === "PUBLISHED" || status === "SCHEDULED") && !published) fail(`${where}.published_at is missing for a ${str(p.status)} post.`);
    const postNotes: string[] = [];
    let html = str(p.html);
    let markdown: string | undefined;
    if (!html && p.lexical) html = lexicalToHtml(str(p.lexical), postNotes);
    else if (!html && p.mobiledoc) {
      const converted = mobiledocToHtml(str(p.mobiledoc), postNotes);
      html = converted.html;
      markdown = converted.markdown;
    }
    if (p.visibility && p.visibility !== "public") postNotes.push(`visible to ${str(p.visibility)} on the old site: public here`);
    const postTags = (tagsOf.get(id) ?? []).sort((a, b) => a.order - b.order).filter((t) => !internal.has(t.tagId));
    const primary = postTags[0];
    const authors = (authorsOf.get(id) ?? []).sort((a, b) => a.order - b.order);
    const authorId = authors[0]?.id ?? (str(p.author_id) || null);
    if (authors.length > 1) postNotes.push(`${authors.length} authors on the old site: the first one is the author here`);
    const meta = metaOf.get(id);
    const feature = str(p.feature_image);
    const credit = splitCredit(htmlToText(str(meta?.feature_image_caption ?? p.feature_image_caption)));
    const slug = str(p.slug);
    sourcePosts.push({
      sourceId: id,
      type,
      title: title || "(untitled)",
      slug,
      oldSlugs: [],
      status,
      publishedAt: status === "PUBLISHED" || status === "SCHEDULED" ? published : null,
      createdAt: created,
      updatedAt: date(p, "updated_at", where) ?? created,
      authorSourceId: authorId,
      html,
      ...(markdown !== undefined ? { markdown } : {}),
      excerpt: str(p.custom_excerpt),
      sectionSourceId: type === "page" ? "category:__pages" : primary ? `category:${primary.tagId}` : null,
      tagSourceIds: postTags.slice(type === "page" ? 0 : 1).map((t) => `tag:${t.tagId}`),
      featured: p.featured === true || p.featured === 1,
      cover: feature ? { url: feature, alt: str(meta?.feature_image_alt ?? p.feature_image_alt), caption: credit.caption, credit: credit.credit } : null,
      comments: [],
      oldUrls: slug ? [`/${slug}/`, `/p/${str(p.uuid)}/`].filter((u) => u !== "/p//") : [],
      ...(postNotes.length ? { notes: postNotes } : {}),
    });
  }
  if (sourcePosts.some((p) => p.type === "page")) terms.push({ sourceId: "category:__pages", kind: "category", name: "Pages", slug: "pages", description: "", oldUrls: [], oldFeedUrls: [] });
  // Only terms some post uses as a section stay sections; the tag side of each is always kept.
  const sections = new Set(sourcePosts.map((p) => p.sectionSourceId));
  // A tag only ever used as a primary tag is a section and nothing else (its old page then goes there).
  const tagsUsed = new Set(sourcePosts.flatMap((p) => p.tagSourceIds));
  const usedTerms = terms.filter((t) => (t.kind === "tag" ? tagsUsed.has(t.sourceId) || !sections.has(`category:${t.sourceId.slice(4)}`) : sections.has(t.sourceId)));
  return {
    format: "ghost",
    // Ghost 5's ids (posts, users, tags) are MongoDB ObjectIds, unique across sites, and the export names no
    // site address: one namespace for every Ghost import keeps working when the site's title changes.
    source: "ghost",
    siteUrls: [],
    users: sourceUsers,
    terms: usedTerms,
    posts: sourcePosts,
    feedUrls: ["/rss/"],
    skipped,
    notes,
  };
}
