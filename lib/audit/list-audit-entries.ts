import { z } from "zod";
import { calendarDay, filterText, pageNumber } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import type { Prisma } from "@/generated/prisma/client";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const auditFilter = z.object({
  actor: filterText,
  action: filterText,
  from: calendarDay,
  to: calendarDay,
  page: pageNumber(100_000),
});
export type AuditFilter = z.infer<typeof auditFilter>;
export const AUDIT_PER_PAGE = 50;

/**
 * The audit log, newest first. `actor` matches a username, email or user id;
 * `from`/`to` are whole UTC days, inclusive. Read-only: nothing in the app
 * edits or deletes audit rows (and a trigger refuses it, see the migration
 * 20261126000300_audit_append_only).
 */
export async function listAuditEntries(actor: Actor, filter: AuditFilter) {
  assertCan(actor, "audit.read");
  const where: Prisma.AuditLogWhereInput = {};
  if (filter.actor) {
    const q = filter.actor.toLowerCase();
    where.actor = { OR: [{ id: filter.actor }, { username: q }, { email: q }] };
  }
  if (filter.action) where.action = filter.action;
  if (filter.from || filter.to) {
    where.createdAt = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + 24 * 60 * 60 * 1000) } : {}),
    };
  }
  const [entries, total, actions] = await Promise.all([
    db().auditLog.findMany({
      where,
      select: { id: true, action: true, targetType: true, targetId: true, changes: true, createdAt: true, actor: { select: { displayName: true, username: true } } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      ...pageWindow(filter.page, AUDIT_PER_PAGE),
    }),
    db().auditLog.count({ where }),
    db().auditLog.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return { entries, total, pages: pageCount(total, AUDIT_PER_PAGE), actions: actions.map((a) => a.action) };
}

const COMMENT_EXCERPT_LENGTH = 60;

/** A comment's opening words, cut at a word boundary. */
function commentExcerpt(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text.length <= COMMENT_EXCERPT_LENGTH) return text;
  const cut = text.slice(0, COMMENT_EXCERPT_LENGTH + 1);
  const atWord = cut.lastIndexOf(" ");
  return `${(atWord > 20 ? cut.slice(0, atWord) : cut.slice(0, COMMENT_EXCERPT_LENGTH)).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * Human names for targets shown in the log (posts by title, users by name,
 * comments by their opening words, images by alt text…), looked up in bulk. A target missing from
 * the map no longer exists.
 */
export async function auditTargetLabels(entries: { targetType: string; targetId: string }[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(entries.filter((e) => e.targetType === type).map((e) => e.targetId))];
  const [posts, users, categories, tags, comments, media] = await Promise.all([
    db().post.findMany({ where: { id: { in: ids("post") } }, select: { id: true, title: true } }),
    db().user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, displayName: true, username: true } }),
    db().category.findMany({ where: { id: { in: ids("category") } }, select: { id: true, name: true } }),
    db().tag.findMany({ where: { id: { in: ids("tag") } }, select: { id: true, name: true } }),
    db().comment.findMany({
      where: { id: { in: ids("comment") } },
      select: { id: true, body: true, author: { select: { displayName: true } }, post: { select: { title: true } } },
    }),
    db().media.findMany({ where: { id: { in: ids("media") } }, select: { id: true, altText: true, storageKey: true, uploader: { select: { displayName: true } } } }),
  ]);
  const labels = new Map<string, string>();
  for (const p of posts) labels.set(`post:${p.id}`, p.title);
  for (const u of users) labels.set(`user:${u.id}`, `${u.displayName} (@${u.username})`);
  for (const c of categories) labels.set(`category:${c.id}`, c.name);
  for (const t of tags) labels.set(`tag:${t.id}`, t.name);
  for (const c of comments) labels.set(`comment:${c.id}`, `“${commentExcerpt(c.body)}” by ${c.author.displayName} on ${c.post.title}`);
  // Images by their alt text (the file name when there is none) and uploader.
  for (const m of media) labels.set(`media:${m.id}`, `image “${m.altText || m.storageKey}”${m.uploader ? ` uploaded by ${m.uploader.displayName}` : ""}`);
  // Site settings are a single record that always exists.
  if (ids("setting").includes("site")) labels.set("setting:site", "Site settings");
  // Exports and restores (lib/export) concern the whole site.
  if (ids("site").includes("site")) labels.set("site:site", "the whole site");
  return labels;
}
