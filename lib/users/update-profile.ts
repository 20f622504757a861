import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertCan, can, type Actor } from "@/lib/authz/permissions";
import { defineUseCase } from "@/lib/use-case";
import { mergeEffects, NO_EFFECT, readerEffect } from "@/lib/cache/reader-effect";
import { checkbox } from "@/lib/validation/form-fields";
import { articlesShowingCommentsBy } from "@/lib/comments/comment-reader-effect";
import { publicPostWhere } from "@/lib/posts/public-posts";
import { uploadImage } from "@/lib/media/upload-image";

/** The profile form's fields as it sends them (checkboxes "on", the avatar a File), or the same from code (booleans, bytes). */
export const profileInput = z
  .object({
    displayName: z.string().trim().min(1, "Enter a display name.").max(80, "Use at most 80 characters."),
    bio: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
    removeAvatar: checkbox,
    /** A new avatar image; empty or absent keeps the current one. */
    avatar: z.union([z.instanceof(Buffer), z.instanceof(Blob)]).nullable().optional(),
    // "Email me a daily summary of comments waiting on my posts" (lib/mail/comment-digest.ts); unset = unchanged.
    commentDigest: z.union([z.boolean(), z.literal("on")]).optional(),
    /** The form offered the digest checkbox: an unchecked box sends nothing, so its absence then means "off". */
    commentDigestOffered: z.literal("1").optional(),
  })
  .transform(({ commentDigest, commentDigestOffered, ...rest }) => ({
    ...rest,
    commentDigest: commentDigest !== undefined ? commentDigest === true || commentDigest === "on" : commentDigestOffered ? false : undefined,
  }));

const profileSelect = { id: true, username: true, displayName: true, bio: true, avatarMediaId: true, commentDigest: true } as const;

/**
 * The signed-in user's own profile; an avatar file, when given, replaces the
 * current one. Readers see the name, bio and avatar in bylines and on the
 * author page, and the name under the comments they wrote; the digest
 * setting and a save that changes nothing are invisible to them.
 */
export const updateProfile = defineUseCase({
  id: "user.updateProfile",
  input: profileInput,
  permission: "profile.editOwn",
  async run(actor, input) {
    const avatar = await avatarBytes(input.avatar);
    const avatarMediaId = avatar ? await uploadAvatar(actor, avatar, input.displayName) : input.removeAvatar ? null : undefined;
    return db().$transaction(async (tx) => {
      const before = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: profileSelect });
      const comments = before.displayName !== input.displayName ? await articlesShowingCommentsBy(tx, actor.id) : NO_EFFECT;
      const after = await tx.user.update({
        where: { id: actor.id },
        data: {
          displayName: input.displayName,
          bio: input.bio,
          ...(avatarMediaId !== undefined ? { avatarMediaId } : {}),
          // Only people who write posts have comments waiting on them.
          ...(input.commentDigest !== undefined ? { commentDigest: input.commentDigest && can(actor, "dashboard.access") } : {}),
        },
        select: profileSelect,
      });
      const bylineChanged = before.displayName !== after.displayName || before.bio !== after.bio || before.avatarMediaId !== after.avatarMediaId;
      // Bylines and the author page exist only for someone with a live article.
      const byline = bylineChanged && (await tx.post.count({ where: { authorId: actor.id, ...publicPostWhere() }, take: 1 })) > 0 ? readerEffect({ authors: [actor.id] }) : NO_EFFECT;
      return { result: after, effect: mergeEffects(byline, comments) };
    });
  },
});

async function avatarBytes(avatar: Buffer | Blob | null | undefined): Promise<Buffer | null> {
  if (!avatar) return null;
  const bytes = avatar instanceof Blob ? Buffer.from(await avatar.arrayBuffer()) : avatar;
  return bytes.length > 0 ? bytes : null;
}

async function uploadAvatar(actor: Actor, data: Buffer, displayName: string): Promise<string> {
  try {
    return (await uploadImage({ actor, data, details: { altText: displayName }, permission: "profile.editOwn" })).id;
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors?.file) throw new AppError("INVALID", error.message, { avatar: error.fieldErrors.file });
    throw error;
  }
}

export async function getOwnProfile(actor: Actor) {
  assertCan(actor, "profile.editOwn");
  return db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, username: true, displayName: true, bio: true, commentDigest: true, passwordHash: true, avatarMedia: { select: { storageKey: true, width: true, height: true } } },
  }).then(({ passwordHash, ...rest }) => ({ ...rest, hasPassword: !!passwordHash }));
}
