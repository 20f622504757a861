import "server-only";
import { z } from "zod";
import { pageNumber } from "@/lib/validation/text";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/authz/permissions";
import { containsText } from "@/lib/db/contains-text";
import type { Prisma } from "@/generated/prisma/client";
import { pageWindow, pageCount } from "@/lib/db/pagination";

export const redirectListFilter = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: pageNumber(100_000),
});
export type RedirectListFilter = z.infer<typeof redirectListFilter>;
export const REDIRECTS_PER_PAGE = 50;

/** /admin/redirects: the old addresses imports mapped, newest first, searchable by either side. */
export async function listLegacyRedirects(actor: Actor, filter: RedirectListFilter) {
  assertCan(actor, "site.import");
  const where: Prisma.LegacyRedirectWhereInput = filter.q ? { OR: [{ path: containsText(filter.q.toLowerCase()) }, { target: containsText(filter.q) }] } : {};
  const [redirects, total] = await Promise.all([
    db().legacyRedirect.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { path: "asc" }],
      ...pageWindow(filter.page, REDIRECTS_PER_PAGE),
      select: { id: true, path: true, target: true, createdAt: true, importRun: { select: { id: true, format: true, fileName: true } } },
    }),
    db().legacyRedirect.count({ where }),
  ]);
  return { redirects, total, pages: pageCount(total, REDIRECTS_PER_PAGE) };
}
