import { z } from "zod";
import { db } from "@/lib/db";
import { AppError, fieldErrorsFromZod } from "@/lib/errors";
import { assertCan, can, type Actor } from "@/lib/authz/permissions";
import { uploadImage } from "@/lib/media/upload-image";

export const profileInput = z.object({
  displayName: z.string().trim().min(1, "Enter a display name.").max(80, "Use at most 80 characters."),
  bio: z.string().trim().max(1000, "Use at most 1000 characters.").default(""),
  removeAvatar: z.boolean().default(false),
  // "Email me a daily summary of comments waiting on my posts" (lib/mail/comment-digest.ts); unset = unchanged.
  commentDigest: z.boolean().optional(),
});

/** The signed-in user's own profile; an avatar file, when given, replaces the current one. */
export async function updateProfile({ actor, input, avatar }: { actor: Actor; input: z.input<typeof profileInput>; avatar?: Buffer | null }) {
  assertCan(actor, "profile.editOwn");
  const parsed = profileInput.safeParse(input);
  if (!parsed.success) throw new AppError("INVALID", "Please correct the highlighted fields.", fieldErrorsFromZod(parsed.error.issues));
  let avatarMediaId: string | null | undefined = parsed.data.removeAvatar ? null : undefined;
  if (avatar && avatar.length > 0) {
    try {
      const image = await uploadImage({ actor, data: avatar, details: { altText: parsed.data.displayName }, permission: "profile.editOwn" });
      avatarMediaId = image.id;
    } catch (error) {
      if (error instanceof AppError && error.fieldErrors?.file) throw new AppError("INVALID", error.message, { avatar: error.fieldErrors.file });
      throw error;
    }
  }
  return db().user.update({
    where: { id: actor.id },
    data: {
      displayName: parsed.data.displayName,
      bio: parsed.data.bio,
      ...(avatarMediaId !== undefined ? { avatarMediaId } : {}),
      // Only people who write posts have comments waiting on them.
      ...(parsed.data.commentDigest !== undefined ? { commentDigest: parsed.data.commentDigest && can(actor, "dashboard.access") } : {}),
    },
    select: { id: true, username: true, displayName: true, bio: true, avatarMediaId: true, commentDigest: true },
  });
}

export async function getOwnProfile(actor: Actor) {
  assertCan(actor, "profile.editOwn");
  return db().user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, username: true, displayName: true, bio: true, commentDigest: true, passwordHash: true, avatarMedia: { select: { storageKey: true, width: true, height: true } } },
  }).then(({ passwordHash, ...rest }) => ({ ...rest, hasPassword: !!passwordHash }));
}
