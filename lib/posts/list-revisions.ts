import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCanOnPost, type Actor } from "@/lib/authz/permissions";
import { parseInput } from "@/lib/validation/parse-input";

export const listRevisionsInput = z.object({ postId: z.string().min(1) });
export const REVISIONS_SHOWN = 50;

export type RevisionSummary = { id: string; version: number; reason: string; createdAt: Date; savedBy: string | null; title: string };

/** The latest revisions of a post the actor may see, newest first: who saved, when and why. */
export async function listRevisions({ actor, input }: { actor: Actor; input: z.input<typeof listRevisionsInput> }): Promise<RevisionSummary[]> {
  const { postId } = parseInput(listRevisionsInput, input);
  const post = await db().post.findUnique({ where: { id: postId }, select: { authorId: true, status: true } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  assertCanOnPost(actor, "view", post);
  const rows = await db().postRevision.findMany({
    where: { postId },
    orderBy: [{ createdAt: "desc" }, { version: "desc" }],
    take: REVISIONS_SHOWN,
    select: { id: true, version: true, reason: true, createdAt: true, title: true, author: { select: { displayName: true } } },
  });
  return rows.map(({ author, ...row }) => ({ ...row, savedBy: author?.displayName ?? null }));
}

export const getRevisionInput = z.object({ postId: z.string().min(1), revisionId: z.string().min(1) });

/** One revision's full text, for showing the difference to the current text. */
export async function getRevision({ actor, input }: { actor: Actor; input: z.input<typeof getRevisionInput> }) {
  const { postId, revisionId } = parseInput(getRevisionInput, input);
  const post = await db().post.findUnique({ where: { id: postId }, select: { authorId: true, status: true } });
  if (!post) throw new AppError("NOT_FOUND", "That post does not exist.");
  assertCanOnPost(actor, "view", post);
  const revision = await db().postRevision.findFirst({
    where: { id: revisionId, postId },
    select: { id: true, version: true, title: true, excerpt: true, body: true, createdAt: true },
  });
  if (!revision) throw new AppError("NOT_FOUND", "That revision does not exist.");
  return revision;
}
