import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { Prisma } from "@/generated/prisma/client";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { commentDigestMail, type DigestPost } from "@/lib/mail/templates";

export const COMMENT_DIGEST_TASK = "comment-digest";
const MAX_COMMENTS_PER_POST = 10;

/**
 * The daily mail to authors who opted in (/settings/profile): the comments
 * still pending on their posts. Nothing pending, no mail. One message per
 * author per UTC day (`dedupeKey`), so a retried or doubled run sends nothing
 * twice. `now` is the run's time (the cron tick), which keeps tests on a fixed
 * clock.
 */
export async function sendCommentDigests({ now = new Date() }: { now?: Date } = {}): Promise<{ queued: number }> {
  const day = now.toISOString().slice(0, 10);
  const authors = await db().user.findMany({
    where: { commentDigest: true, status: "ACTIVE", posts: { some: { comments: { some: { status: "PENDING", createdAt: { lte: now } } } } } },
    select: { id: true, email: true, displayName: true },
    orderBy: { id: "asc" },
  });
  const { SITE_URL, SITE_NAME } = env();
  let queued = 0;
  for (const author of authors) {
    const dedupeKey = `${COMMENT_DIGEST_TASK}:${author.id}:${day}`;
    const posts = await db().post.findMany({
      where: { authorId: author.id, comments: { some: { status: "PENDING", createdAt: { lte: now } } } },
      select: {
        title: true,
        slug: true,
        comments: {
          where: { status: "PENDING", createdAt: { lte: now } },
          orderBy: { createdAt: "asc" },
          take: MAX_COMMENTS_PER_POST,
          select: { body: true, createdAt: true, author: { select: { displayName: true } } },
        },
      },
      orderBy: { publishedAt: "desc" },
    });
    const digestPosts: DigestPost[] = posts.map((post) => ({
      title: post.title,
      url: `${SITE_URL}/posts/${post.slug}`,
      comments: post.comments.map((c) => ({ authorName: c.author.displayName, excerpt: excerpt(c.body), createdAt: c.createdAt })),
    }));
    const content = commentDigestMail({ siteName: SITE_NAME, displayName: author.displayName, posts: digestPosts, settingsUrl: `${SITE_URL}/settings/profile` });
    try {
      await db().$transaction(async (tx) => {
        if (await tx.mailMessage.findUnique({ where: { dedupeKey }, select: { id: true } })) return;
        await enqueueMail(tx, { kind: "comment-digest", to: author.email, userId: author.id, dedupeKey, ...content });
        queued += 1;
      });
    } catch (error) {
      // Another run queued it first.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
  return { queued };
}

function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, " ").trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}
