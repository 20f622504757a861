import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit/record";
import { defineUseCase, unseen } from "@/lib/use-case";
import { forgetLegacyRedirects } from "@/lib/redirects/legacy-redirect-lookup";

export const deleteLegacyRedirectInput = z.object({ id: z.string().min(1).max(64) });

/**
 * An admin removes one old address (it then answers 404, or whatever page
 * takes it). Audited. Old addresses are answered by proxy.ts from an
 * in-memory lookup, not from cached pages: this instance forgets it now,
 * others within their refresh interval, so no page cache entry expires.
 */
export const deleteLegacyRedirect = defineUseCase({
  id: "redirect.delete",
  input: deleteLegacyRedirectInput,
  permission: "site.import",
  async run(actor, { id }) {
    const removed = await db().$transaction(async (tx) => {
      const row = await tx.legacyRedirect.findUnique({ where: { id } });
      if (!row) throw new AppError("NOT_FOUND", "That redirect no longer exists.");
      await tx.legacyRedirect.delete({ where: { id } });
      await recordAudit(tx, { actorId: actor.id, action: "redirect.delete", targetType: "redirect", targetId: id, changes: { path: { from: row.path, to: null }, target: { from: row.target, to: null } } });
      return row;
    });
    forgetLegacyRedirects();
    return unseen(removed);
  },
});
