import fs from "node:fs";
import { SaxesParser } from "saxes";
import type { Role } from "@/generated/prisma/enums";
import { htmlToText, splitCredit } from "@/lib/import/html-to-markdown";
import { ImportFileError, type ImportBundle, type ImportStatus, type SkippedItem, type SourceComment, type SourceImage, type SourcePost, type SourceTerm, type SourceUser } from "@/lib/import/model";

/**
 * WordPress's own export (Tools → Export, WXR 1.0–1.2), read as a stream with
 * saxes so a large file never sits in memory as one string, and a truncated or
 * malformed one is refused with its line before anything is written.
 * Element names are WordPress's (wordpress-importer's parsers/class-wxr-parser-xml.php).
 */

type Node = { name: string; attrs: Record<string, string>; children: Node[]; text: string; line: number };

const child = (node: Node, name: string): Node | undefined => node.children.find((c) => c.name === name);
const text = (node: Node, name: string): string => child(node, name)?.text.trim() ?? "";
const rawText = (node: Node, name: string): string => child(node, name)?.text ?? "";
const all = (node: Node, name: string): Node[] => node.children.filter((c) => c.name === name);

/** Reads the channel's top-level elements one at a time (each <item> is small). */
export async function parseWxrFile(file: string, onElement: (node: Node) => void): Promise<void> {
  const parser = new SaxesParser({ position: true });
  const stack: Node[] = [];
  let sawRss = false;
  parser.on("opentag", (tag) => {
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[k] = typeof v === "string" ? v : v.value;
    if (stack.length === 0) {
      if (tag.name !== "rss") throw new Error(`the file starts with <${tag.name}>, not <rss>: not a WordPress export`);
      sawRss = true;
    }
    stack.push({ name: tag.name, attrs, children: [], text: "", line: parser.line });
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top && stack.length > 2) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack[stack.length - 1];
    if (top && stack.length > 2) top.text += t;
  });
  parser.on("closetag", () => {
    const node = stack.pop()!;
    // rss > channel > element: hand over and forget; deeper nodes are kept by their parent.
    if (stack.length === 2) onElement(node);
    else if (stack.length > 2) stack[stack.length - 1]!.children.push(node);
  });
  // No error handler: saxes then throws the first error from write()/close(), where the position is still exact.
  const wrap = (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    const m = /^:?(\d+):(\d+): (.*)$/s.exec(message);
    return new ImportFileError(m ? `The WordPress export is not valid XML at line ${m[1]}, column ${m[2]}: ${m[3]}` : `The WordPress export could not be read (line ${parser.line}): ${message}`);
  };
  try {
    for await (const chunk of fs.createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 })) {
      parser.write(chunk as string);
    }
    parser.close();
  } catch (e) {
    if (e instanceof ImportFileError) throw e;
    throw wrap(e);
  }
  if (!sawRss) throw new ImportFileError("The file is empty: not a WordPress export.");
}

const WP_ROLES: Record<string, Role> = {
  administrator: "ADMIN",
  editor: "EDITOR",
  author: "AUTHOR",
  contributor: "CONTRIBUTOR",
  subscriber: "READER",
};

const STATUS: Record<string, ImportStatus | undefined> = { publish: "PUBLISHED", future: "SCHEDULED", draft: "DRAFT", pending: "IN_REVIEW", private: "DRAFT" };

/** "2024-01-05 10:00:00" in UTC; WordPress writes zeros when there is none. */
function gmtDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === "0000") return null;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
  return Number.isNaN(d.getTime()) ? null : d;
}

const decodeSlug = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** WordPress's author base uses user_nicename, which is sanitize_title(user_login) unless changed. */
const nicename = (login: string) => login.toLowerCase().replace(/[^a-z0-9_-]+/g, "-");

type RawItem = { node: Node };

export type WordPressOptions = { pages?: boolean };

export async function readWordPress(file: string, options: WordPressOptions = {}): Promise<ImportBundle> {
  let version = "";
  let siteUrl = "";
  let blogUrl = "";
  let channelLink = "";
  const authors: Node[] = [];
  const categories: Node[] = [];
  const tags: Node[] = [];
  const items: RawItem[] = [];
  await parseWxrFile(file, (node) => {
    switch (node.name) {
      case "wp:wxr_version":
        version = node.text.trim();
        break;
      case "wp:base_site_url":
        siteUrl = node.text.trim();
        break;
      case "wp:base_blog_url":
        blogUrl = node.text.trim();
        break;
      case "link":
        channelLink = node.text.trim();
        break;
      case "wp:author":
        authors.push(node);
        break;
      case "wp:category":
        categories.push(node);
        break;
      case "wp:tag":
        tags.push(node);
        break;
      case "item":
        items.push({ node });
        break;
    }
  });
  if (!version) throw new ImportFileError("The file has no <wp:wxr_version>: not a WordPress export (Tools → Export in WordPress makes one).");
  if (!/^1\.[0-2]$/.test(version)) throw new ImportFileError(`WXR version ${version} is not supported (1.0–1.2 are).`);

  const skipped: SkippedItem[] = [];
  const notes: string[] = [];

  // Authors. WXR carries no roles: a <wp:author_role> (some exporters add it) wins, else the posts decide.
  const users: SourceUser[] = [];
  const explicitRoles = new Set<string>();
  const userByLogin = new Map<string, SourceUser>();
  for (const a of authors) {
    const login = text(a, "wp:author_login");
    if (!login) throw new ImportFileError(`Line ${a.line}: <wp:author> without <wp:author_login>.`);
    const id = text(a, "wp:author_id") || login;
    const role = WP_ROLES[text(a, "wp:author_role").toLowerCase()];
    const user: SourceUser = {
      sourceId: login,
      login,
      email: text(a, "wp:author_email"),
      displayName: htmlToText(text(a, "wp:author_display_name")) || [text(a, "wp:author_first_name"), text(a, "wp:author_last_name")].filter(Boolean).join(" ") || login,
      role: role ?? "CONTRIBUTOR",
      bio: "",
      oldUrls: [`/author/${nicename(login)}/`, `/author/${nicename(login)}/feed/`, ...(text(a, "wp:author_id") ? [`/?author=${id}`] : [])],
    };
    if (role) explicitRoles.add(login);
    users.push(user);
    userByLogin.set(login, user);
  }

  // Terms: nested categories keep their full path in the old address.
  const catByNicename = new Map<string, Node>();
  const catIdToNicename = new Map<string, string>();
  for (const c of categories) {
    const slug = text(c, "wp:category_nicename");
    if (!slug) throw new ImportFileError(`Line ${c.line}: <wp:category> without <wp:category_nicename>.`);
    catByNicename.set(slug, c);
    if (text(c, "wp:term_id")) catIdToNicename.set(text(c, "wp:term_id"), slug);
  }
  const catPath = (slug: string): string => {
    const parts: string[] = [];
    let current: string | undefined = slug;
    const seen = new Set<string>();
    while (current && !seen.has(current)) {
      seen.add(current);
      parts.unshift(current);
      const node = catByNicename.get(current);
      current = node ? text(node, "wp:category_parent") || undefined : undefined;
    }
    return parts.join("/");
  };
  const terms: SourceTerm[] = [];
  const termKey = (kind: "category" | "tag", slug: string) => `${kind}:${decodeSlug(slug)}`;
  const termsByKey = new Map<string, SourceTerm>();
  const addTerm = (term: SourceTerm) => {
    if (termsByKey.has(term.sourceId)) return;
    termsByKey.set(term.sourceId, term);
    terms.push(term);
  };
  for (const c of categories) {
    const slug = text(c, "wp:category_nicename");
    const termId = text(c, "wp:term_id");
    addTerm({
      sourceId: termKey("category", slug),
      kind: "category",
      name: htmlToText(text(c, "wp:cat_name")) || decodeSlug(slug),
      slug: decodeSlug(slug),
      description: htmlToText(text(c, "wp:category_description")),
      oldUrls: [`/category/${catPath(slug)}/`, ...(termId ? [`/?cat=${termId}`] : [])],
      oldFeedUrls: [`/category/${catPath(slug)}/feed/`],
    });
  }
  for (const t of tags) {
    const slug = text(t, "wp:tag_slug");
    if (!slug) throw new ImportFileError(`Line ${t.line}: <wp:tag> without <wp:tag_slug>.`);
    addTerm({
      sourceId: termKey("tag", slug),
      kind: "tag",
      name: htmlToText(text(t, "wp:tag_name")) || decodeSlug(slug),
      slug: decodeSlug(slug),
      description: htmlToText(text(t, "wp:tag_description")),
      oldUrls: [`/tag/${slug}/`, `/?tag=${slug}`],
      oldFeedUrls: [`/tag/${slug}/feed/`],
    });
  }

  // Attachments first: posts refer to them by id (featured images), in any order.
  const attachments = new Map<string, SourceImage>();
  const meta = (node: Node) => {
    const out = new Map<string, string[]>();
    for (const m of all(node, "wp:postmeta")) {
      const key = text(m, "wp:meta_key");
      const list = out.get(key) ?? [];
      list.push(rawText(m, "wp:meta_value"));
      out.set(key, list);
    }
    return out;
  };
  for (const { node } of items) {
    if (text(node, "wp:post_type") !== "attachment") continue;
    const id = text(node, "wp:post_id");
    const m = meta(node);
    const url = text(node, "wp:attachment_url") || text(node, "guid");
    const { caption, credit } = splitCredit(htmlToText(rawText(node, "excerpt:encoded")));
    attachments.set(id, { url, alt: htmlToText(m.get("_wp_attachment_image_alt")?.[0] ?? ""), caption, credit });
  }

  const posts: SourcePost[] = [];
  const pagesSection: SourceTerm = { sourceId: "category:__pages", kind: "category", name: "Pages", slug: "pages", description: "", oldUrls: [], oldFeedUrls: [] };
  const authorStatuses = new Map<string, Set<ImportStatus>>();
  for (const { node } of items) {
    const type = text(node, "wp:post_type") || "post";
    const id = text(node, "wp:post_id");
    const title = htmlToText(rawText(node, "title"));
    if (type === "attachment") continue;
    if (!id) throw new ImportFileError(`Line ${node.line}: <item> without <wp:post_id>.`);
    if (type !== "post" && type !== "page") {
      skipped.push({ kind: type, sourceId: id, title, reason: `post type "${type}" is not imported` });
      continue;
    }
    if (type === "page" && !options.pages) {
      skipped.push({ kind: "page", sourceId: id, title, reason: "pages are imported only with --pages" });
      continue;
    }
    const wpStatus = text(node, "wp:status");
    const status = STATUS[wpStatus];
    if (!status) {
      skipped.push({ kind: type, sourceId: id, title, reason: wpStatus === "trash" ? "in the trash" : `status "${wpStatus || "none"}" is not imported` });
      continue;
    }
    const m = meta(node);
    const created = gmtDate(text(node, "wp:post_date_gmt")) ?? gmtDate(text(node, "wp:post_date"));
    const modified = gmtDate(text(node, "wp:post_modified_gmt")) ?? gmtDate(text(node, "wp:post_modified")) ?? created;
    if ((status === "PUBLISHED" || status === "SCHEDULED") && !created) throw new ImportFileError(`Line ${node.line}: post ${id} is ${wpStatus} but has no valid <wp:post_date_gmt>.`);
    const postNotes: string[] = [];
    if (wpStatus === "private") postNotes.push("private on the old site: imported as a draft");
    if (text(node, "wp:post_password")) postNotes.push("password-protected on the old site: imported as a draft");
    const finalStatus: ImportStatus = text(node, "wp:post_password") && status !== "DRAFT" ? "DRAFT" : status;

    // Categories and tags, in file order; the primary category (Yoast, Rank Math) or the first one is the section.
    const catSlugs = all(node, "category").filter((c) => c.attrs.domain === "category").map((c) => c.attrs.nicename ?? "").filter(Boolean);
    const tagSlugs = all(node, "category").filter((c) => c.attrs.domain === "post_tag").map((c) => c.attrs.nicename ?? "").filter(Boolean);
    for (const c of all(node, "category")) {
      const slug = c.attrs.nicename;
      if (!slug || (c.attrs.domain !== "category" && c.attrs.domain !== "post_tag")) continue;
      const kind = c.attrs.domain === "category" ? "category" : "tag";
      // Terms used by a post but absent from the channel's list (exports of one author).
      if (!termsByKey.has(termKey(kind, slug)))
        addTerm({ sourceId: termKey(kind, slug), kind, name: htmlToText(c.text) || decodeSlug(slug), slug: decodeSlug(slug), description: "", oldUrls: [kind === "category" ? `/category/${slug}/` : `/tag/${slug}/`], oldFeedUrls: [] });
    }
    const primaryId = m.get("_yoast_wpseo_primary_category")?.[0] ?? m.get("rank_math_primary_category")?.[0];
    const primary = primaryId ? catIdToNicename.get(primaryId.trim()) : undefined;
    const sectionSlug = type === "page" ? null : primary && catSlugs.includes(primary) ? primary : (catSlugs.find((s) => s !== "uncategorized") ?? catSlugs[0] ?? null);
    const tagIds = [
      ...catSlugs.filter((s) => s !== sectionSlug && s !== "uncategorized").map((s) => termKey("category", s)),
      ...tagSlugs.map((s) => termKey("tag", s)),
    ];
    if (type === "page") addTerm(pagesSection);

    const thumbId = m.get("_thumbnail_id")?.[0]?.trim();
    const cover = thumbId ? (attachments.get(thumbId) ?? null) : null;
    if (thumbId && !cover) postNotes.push(`featured image ${thumbId} is not in the export`);

    const comments: SourceComment[] = [];
    for (const c of all(node, "wp:comment")) {
      const cid = text(c, "wp:comment_id");
      const approved = text(c, "wp:comment_approved");
      const ctype = text(c, "wp:comment_type");
      const author = htmlToText(text(c, "wp:comment_author"));
      if (ctype === "pingback" || ctype === "trackback") {
        skipped.push({ kind: "comment", sourceId: cid, title: `${ctype} on “${title}”`, reason: `${ctype}s are not imported` });
        continue;
      }
      if (approved !== "1" && approved !== "0") {
        skipped.push({ kind: "comment", sourceId: cid, title: `comment by ${author || "anonymous"} on “${title}”`, reason: approved === "spam" ? "spam" : approved === "trash" ? "in the trash" : `status "${approved}"` });
        continue;
      }
      const date = gmtDate(text(c, "wp:comment_date_gmt")) ?? gmtDate(text(c, "wp:comment_date")) ?? created ?? new Date(0);
      const parent = text(c, "wp:comment_parent");
      comments.push({
        sourceId: cid,
        parentSourceId: parent && parent !== "0" ? parent : null,
        authorName: author || "Anonymous",
        authorEmail: text(c, "wp:comment_author_email").toLowerCase(),
        date,
        html: rawText(c, "wp:comment_content"),
        status: approved === "1" ? "APPROVED" : "PENDING",
      });
    }

    const slug = decodeSlug(text(node, "wp:post_name"));
    const link = text(node, "link");
    const oldSlugs = (m.get("_wp_old_slug") ?? []).map((s) => decodeSlug(s.trim())).filter((s) => s && s !== slug);
    const oldUrls = [type === "page" ? `/?page_id=${id}` : `/?p=${id}`];
    if (link && !/[?&](p|page_id)=/.test(link)) {
      oldUrls.push(link);
      const rawSlug = text(node, "wp:post_name");
      for (const old of m.get("_wp_old_slug") ?? []) {
        const path = link.replace(/\/+$/, "");
        if (rawSlug && path.endsWith(`/${rawSlug}`)) oldUrls.push(`${path.slice(0, -rawSlug.length)}${old.trim()}/`);
      }
    }

    const login = text(node, "dc:creator");
    if (login && !userByLogin.has(login)) {
      // An author the export's list left out: an account with what the item tells.
      const user: SourceUser = { sourceId: login, login, email: "", displayName: login, role: "CONTRIBUTOR", bio: "", oldUrls: [`/author/${nicename(login)}/`] };
      users.push(user);
      userByLogin.set(login, user);
    }
    if (login) {
      const set = authorStatuses.get(login) ?? new Set();
      set.add(finalStatus);
      authorStatuses.set(login, set);
    }

    posts.push({
      sourceId: id,
      type: type as "post" | "page",
      title: title || "(untitled)",
      slug,
      oldSlugs,
      status: finalStatus,
      publishedAt: finalStatus === "PUBLISHED" || finalStatus === "SCHEDULED" ? created : null,
      createdAt: created ?? modified ?? new Date(0),
      updatedAt: modified ?? created ?? new Date(0),
      authorSourceId: login || null,
      html: rawText(node, "content:encoded"),
      excerpt: htmlToText(rawText(node, "excerpt:encoded")),
      sectionSourceId: type === "page" ? pagesSection.sourceId : sectionSlug ? termKey("category", sectionSlug) : null,
      tagSourceIds: [...new Set(tagIds)],
      featured: text(node, "wp:is_sticky") === "1",
      cover,
      comments,
      oldUrls,
      ...(postNotes.length ? { notes: postNotes } : {}),
    });
  }

  // Roles without <wp:author_role>: whoever published is an author; the rest contributors.
  for (const user of users) {
    if (explicitRoles.has(user.login)) continue;
    const statuses = authorStatuses.get(user.login);
    user.role = statuses && (statuses.has("PUBLISHED") || statuses.has("SCHEDULED")) ? "AUTHOR" : "CONTRIBUTOR";
  }
  if (!authors.some((a) => text(a, "wp:author_role"))) notes.push("WXR files carry no user roles: authors who published became Authors, the others Contributors.");

  const base = blogUrl || siteUrl || channelLink;
  return {
    format: "wordpress",
    source: `wordpress:${(siteUrl || base).replace(/\/+$/, "")}`,
    siteUrls: [blogUrl, siteUrl, channelLink].filter(Boolean),
    users,
    terms,
    posts,
    feedUrls: ["/feed/", "/feed/rss/", "/feed/rss2/", "/feed/atom/", "/feed/rdf/", "/?feed=rss2", "/?feed=rss", "/?feed=atom"],
    skipped,
    notes,
  };
}
