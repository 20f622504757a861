import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { db } from "@/lib/db";
import { defineUseCase, unseen } from "@/lib/use-case";

/**
 * "New post": an empty draft, so the editor always edits a post that exists
 * (one route, /dashboard/posts/<id>/edit, whatever happens next). Like
 * WordPress's auto-draft, a draft nobody has written in yet is "blank": its
 * title is empty (every save needs a title), it keeps no revision, My Posts
 * does not list it, and it is deleted once abandoned.
 */
export const ABANDONED_BLANK_DRAFT_MS = 24 * 60 * 60 * 1000;

/** A draft created by "New post" that no save has named yet. */
export function isBlankDraft(post: { status: string; title: string }): boolean {
  return post.status === "DRAFT" && post.title === "";
}

export const createDraftInput = z.object({});

export const createDraft = defineUseCase({
  id: "post.create",
  input: createDraftInput,
  permission: "post.create",
  // A draft is invisible to readers.
  async run(actor) {
    return db().$transaction(async (tx) => {
      // The author's blank drafts from earlier visits that were never written in.
      await tx.post.deleteMany({
        where: { authorId: actor.id, status: "DRAFT", title: "", version: 1, createdAt: { lt: new Date(Date.now() - ABANDONED_BLANK_DRAFT_MS) } },
      });
      // A stand-in slug (slugs are unique and required); the first save replaces it with one made from the title.
      const slug = `untitled-${randomBytes(6).toString("hex")}`;
      return unseen(await tx.post.create({ data: { title: "", body: "", excerpt: "", slug, authorId: actor.id }, select: { id: true, slug: true, version: true } }));
    });
  },
});
