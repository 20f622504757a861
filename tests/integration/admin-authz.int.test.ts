import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { ROLES, type Actor } from "@/lib/authz/permissions";
import type { Role } from "@/generated/prisma/enums";
import { approvePost } from "@/lib/review/approve-post";
import { requestChanges } from "@/lib/review/request-changes";
import { rejectPost } from "@/lib/review/reject-post";
import { editorEditPost } from "@/lib/review/editor-edit-post";
import { listReviewQueue } from "@/lib/review/list-review-queue";
import { unpublishPost } from "@/lib/posts/unpublish-post";
import { archivePost } from "@/lib/posts/editorial/archive-post";
import { restoreArchivedPost } from "@/lib/posts/restore-archived-post";
import { setPostFeatured } from "@/lib/posts/editorial/set-post-featured";
import { setPostHidden } from "@/lib/posts/editorial/set-post-hidden";
import { listEditorialPosts } from "@/lib/posts/editorial/list-editorial-posts";
import { moderateComments } from "@/lib/comments/moderate-comments";
import { listCommentsForModeration } from "@/lib/comments/list-comments-for-moderation";
import { createComment } from "@/lib/comments/create-comment";
import { reportContent } from "@/lib/reports/report-content";
import { dismissReports } from "@/lib/reports/dismiss-reports";
import { changeUserRole } from "@/lib/users/change-user-role";
import { suspendUser } from "@/lib/users/suspend-user";
import { reactivateUser } from "@/lib/users/reactivate-user";
import { issuePasswordReset } from "@/lib/users/issue-password-reset";
import { listUsers } from "@/lib/users/list-users";
import { inviteUser } from "@/lib/users/invite-user";
import { listMail } from "@/lib/mail/list-mail";
import { deleteUser } from "@/lib/users/delete-user";
import { clearSignInLock } from "@/lib/users/clear-sign-in-lock";
import { signInWithPassword, SIGN_IN_LIMITS } from "@/lib/auth/sign-in";
import { signInAccountKey } from "@/lib/auth/sign-in-backoff";
import { readSiteSettingOverrides, updateSiteSettings } from "@/lib/site-settings/site-settings";
import { createTerm } from "@/lib/taxonomy/create-term";
import { updateTerm } from "@/lib/taxonomy/update-term";
import { mergeTags } from "@/lib/taxonomy/merge-tags";
import { deleteTerm } from "@/lib/taxonomy/delete-term";
import { listTermsForAdmin } from "@/lib/taxonomy/list-terms";
import { listAuditEntries } from "@/lib/audit/list-audit-entries";
import { createInReviewPost, createTestComment, createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";

/**
 * Every admin use case × every role, from one table. A denied call must fail
 * with FORBIDDEN (or NOT_FOUND where the actor may not even see the object),
 * change nothing and write no audit row; an allowed call succeeds and writes
 * its audit row.
 */
const EDITORS: Role[] = ["EDITOR", "ADMIN"];
const ADMINS: Role[] = ["ADMIN"];
const EVERYONE: Role[] = [...ROLES];

const actors = {} as Record<Role, Actor>;
let contributor: Actor;
let author: Actor;

beforeAll(async () => {
  for (const role of ROLES) actors[role] = await createTestUser({ role });
  contributor = await createTestUser({ role: "CONTRIBUTOR" });
  author = await createTestUser({ role: "AUTHOR" });
});

type Case = {
  name: string;
  allowed: Role[];
  /** Builds fresh objects and returns the call plus a probe of the state it should (not) change. */
  setup: () => Promise<{ run: (actor: Actor) => Promise<unknown>; state?: () => Promise<unknown>; audit?: { targetId: string; action: string } }>;
};

const publishedPost = () => createTestPost({ author, publish: true });
const postState = (id: string) => () => db().post.findUniqueOrThrow({ where: { id }, select: { status: true, featured: true, hiddenAt: true, title: true, version: true } });

const CASES: Case[] = [
  {
    name: "approve a post in review",
    allowed: EDITORS,
    setup: async () => {
      const post = await createInReviewPost({ author: contributor });
      return { run: (actor) => approvePost({ actor, input: { postId: post.id } }), state: postState(post.id), audit: { targetId: post.id, action: "post.approve" } };
    },
  },
  {
    name: "request changes to a post in review",
    allowed: EDITORS,
    setup: async () => {
      const post = await createInReviewPost({ author: contributor });
      return { run: (actor) => requestChanges({ actor, input: { postId: post.id, note: "Shorter, please." } }), state: postState(post.id), audit: { targetId: post.id, action: "post.requestChanges" } };
    },
  },
  {
    name: "reject a post in review",
    allowed: EDITORS,
    setup: async () => {
      const post = await createInReviewPost({ author: contributor });
      return { run: (actor) => rejectPost({ actor, input: { postId: post.id, reason: "Off topic." } }), state: postState(post.id), audit: { targetId: post.id, action: "post.reject" } };
    },
  },
  {
    name: "edit someone else's post in review",
    allowed: EDITORS,
    setup: async () => {
      const post = await createInReviewPost({ author: contributor });
      return {
        run: (actor) => editorEditPost({ actor, input: { postId: post.id, title: "Edited title", excerpt: post.excerpt, body: post.body, expectedVersion: post.version } }),
        state: postState(post.id),
        audit: { targetId: post.id, action: "post.editorEdit" },
      };
    },
  },
  { name: "see the review queue", allowed: EDITORS, setup: async () => ({ run: (actor) => listReviewQueue(actor) }) },
  {
    name: "unpublish someone else's post",
    allowed: EDITORS,
    setup: async () => {
      const post = await publishedPost();
      return { run: (actor) => unpublishPost({ actor, input: { postId: post.id } }), state: postState(post.id), audit: { targetId: post.id, action: "post.unpublish" } };
    },
  },
  {
    name: "archive someone else's post",
    allowed: EDITORS,
    setup: async () => {
      const post = await publishedPost();
      return { run: (actor) => archivePost({ actor, input: { postId: post.id } }), state: postState(post.id), audit: { targetId: post.id, action: "post.archive" } };
    },
  },
  {
    name: "restore someone else's archived post",
    allowed: EDITORS,
    setup: async () => {
      const post = await publishedPost();
      await archivePost({ actor: actors.EDITOR, input: { postId: post.id } });
      return { run: (actor) => restoreArchivedPost({ actor, input: { postId: post.id } }), state: postState(post.id), audit: { targetId: post.id, action: "post.unarchive" } };
    },
  },
  {
    name: "feature a post",
    allowed: EDITORS,
    setup: async () => {
      const post = await publishedPost();
      return { run: (actor) => setPostFeatured({ actor, input: { postId: post.id, featured: true } }), state: postState(post.id), audit: { targetId: post.id, action: "post.feature" } };
    },
  },
  {
    name: "hide a post pending review",
    allowed: EDITORS,
    setup: async () => {
      const post = await publishedPost();
      return { run: (actor) => setPostHidden({ actor, input: { postId: post.id, hidden: true } }), state: postState(post.id), audit: { targetId: post.id, action: "post.hide" } };
    },
  },
  { name: "list posts for editing", allowed: EDITORS, setup: async () => ({ run: (actor) => listEditorialPosts(actor, { view: "published", page: 1 }) }) },
  ...(["approve", "reject", "spam", "delete"] as const).map(
    (decision): Case => ({
      name: `${decision} a comment`,
      allowed: EDITORS,
      setup: async () => {
        const post = await publishedPost();
        const comment = await createTestComment({ postId: post.id });
        return {
          run: (actor) => moderateComments({ actor, input: { commentIds: [comment.id], decision } }),
          state: () => db().comment.findUnique({ where: { id: comment.id }, select: { status: true } }),
          audit: { targetId: comment.id, action: `comment.${decision}` },
        };
      },
    }),
  ),
  { name: "list comments for moderation", allowed: EDITORS, setup: async () => ({ run: (actor) => listCommentsForModeration(actor, { tab: "pending", page: 1 }) }) },
  {
    name: "dismiss reports on a comment",
    allowed: EDITORS,
    setup: async () => {
      const post = await publishedPost();
      const comment = await createTestComment({ postId: post.id, status: "APPROVED" });
      await reportContent({ actor: await createTestUser(), input: { commentId: comment.id, reason: "Rude remark" } });
      return {
        run: (actor) => dismissReports({ actor, input: { commentId: comment.id } }),
        state: () => db().report.count({ where: { commentId: comment.id, status: "OPEN" } }),
        audit: { targetId: comment.id, action: "report.dismiss" },
      };
    },
  },
  {
    name: "dismiss reports on an article",
    allowed: EDITORS,
    setup: async () => {
      const post = await publishedPost();
      await reportContent({ actor: await createTestUser(), input: { postId: post.id, reason: "Factually wrong" } });
      return {
        run: (actor) => dismissReports({ actor, input: { postId: post.id } }),
        state: () => db().report.count({ where: { postId: post.id, status: "OPEN" } }),
        audit: { targetId: post.id, action: "report.dismiss" },
      };
    },
  },
  {
    name: "comment on a published article",
    allowed: EVERYONE,
    setup: async () => {
      const post = await publishedPost();
      return { run: (actor) => createComment({ actor, input: { postId: post.id, body: `Hello ${uniqueId()}` } }) };
    },
  },
  {
    name: "report an article",
    allowed: EVERYONE,
    setup: async () => {
      const post = await publishedPost();
      return { run: (actor) => reportContent({ actor, input: { postId: post.id, reason: "Factually wrong" } }) };
    },
  },
  {
    name: "change a user's role",
    allowed: ADMINS,
    setup: async () => {
      const user = await createTestUser();
      return {
        run: (actor) => changeUserRole({ actor, input: { userId: user.id, role: "AUTHOR" } }),
        state: () => db().user.findUniqueOrThrow({ where: { id: user.id }, select: { role: true } }),
        audit: { targetId: user.id, action: "user.changeRole" },
      };
    },
  },
  {
    name: "suspend a user",
    allowed: ADMINS,
    setup: async () => {
      const user = await createTestUser();
      return {
        run: (actor) => suspendUser({ actor, input: { userId: user.id } }),
        state: () => db().user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true, sessionVersion: true } }),
        audit: { targetId: user.id, action: "user.suspend" },
      };
    },
  },
  {
    name: "reactivate a user",
    allowed: ADMINS,
    setup: async () => {
      const user = await createTestUser();
      await suspendUser({ actor: actors.ADMIN, input: { userId: user.id } });
      return {
        run: (actor) => reactivateUser({ actor, input: { userId: user.id } }),
        state: () => db().user.findUniqueOrThrow({ where: { id: user.id }, select: { status: true } }),
        audit: { targetId: user.id, action: "user.reactivate" },
      };
    },
  },
  {
    name: "issue a password reset link",
    allowed: ADMINS,
    setup: async () => {
      const user = await createTestUser();
      return {
        run: (actor) => issuePasswordReset({ actor, input: { userId: user.id } }),
        state: () => db().passwordResetToken.count({ where: { userId: user.id } }),
        audit: { targetId: user.id, action: "user.passwordResetIssued" },
      };
    },
  },
  {
    name: "clear a user's sign-in lock",
    allowed: ADMINS,
    setup: async () => {
      const user = await createTestUser();
      for (let i = 0; i < SIGN_IN_LIMITS.perAccount.freeFailures; i++) {
        await signInWithPassword({ email: user.email, password: "wrong-password-x" }, `ip-${uniqueId()}`).catch(() => undefined);
      }
      return {
        run: (actor) => clearSignInLock({ actor, input: { userId: user.id } }),
        state: () => db().signInBackoff.count({ where: { key: signInAccountKey(user.email) } }),
        audit: { targetId: user.id, action: "user.signInLockCleared" },
      };
    },
  },
  {
    name: "delete a user without posts",
    allowed: ADMINS,
    setup: async () => {
      const user = await createTestUser();
      return { run: (actor) => deleteUser({ actor, input: { userId: user.id } }), state: () => db().user.count({ where: { id: user.id } }), audit: { targetId: user.id, action: "user.delete" } };
    },
  },
  {
    name: "change the site settings",
    allowed: ADMINS,
    setup: async () => {
      const title = `Gazette ${uniqueId()}`;
      return { run: (actor) => updateSiteSettings({ actor, input: { title, description: "" } }), state: () => readSiteSettingOverrides(), audit: { targetId: "site", action: "setting.update" } };
    },
  },
  {
    name: "invite someone by email with a role",
    allowed: ADMINS,
    setup: async () => {
      const email = `${uniqueId("inv")}@example.test`;
      return {
        run: (actor) => inviteUser({ actor, input: { email, displayName: "Invited Person", role: "AUTHOR" } }),
        // The audit row (user.invite) is checked in mail.int.test.ts: its target id does not exist yet here.
        state: async () => ({ users: await db().user.count({ where: { email } }), mails: await db().mailMessage.count({ where: { to: email } }) }),
      };
    },
  },
  { name: "read the mail outbox", allowed: ADMINS, setup: async () => ({ run: (actor) => listMail(actor, { page: 1 }) }) },
  { name: "list users", allowed: ADMINS, setup: async () => ({ run: (actor) => listUsers(actor, { page: 1 }) }) },
  { name: "read the audit log", allowed: ADMINS, setup: async () => ({ run: (actor) => listAuditEntries(actor, { page: 1 }) }) },
  {
    name: "create a category",
    allowed: EDITORS,
    setup: async () => {
      const name = `Cat ${uniqueId()}`;
      return { run: (actor) => createTerm({ actor, input: { kind: "category", name } }), state: () => db().category.count({ where: { name } }) };
    },
  },
  {
    name: "rename a tag",
    allowed: EDITORS,
    setup: async () => {
      const tag = await createTerm({ actor: actors.EDITOR, input: { kind: "tag", name: `Tag ${uniqueId()}` } });
      return {
        run: (actor) => updateTerm({ actor, input: { kind: "tag", id: tag.id, name: `${tag.name} renamed`, slug: `${tag.slug}-renamed`, description: "" } }),
        state: () => db().tag.findUniqueOrThrow({ where: { id: tag.id } }),
        audit: { targetId: tag.id, action: "tag.rename" },
      };
    },
  },
  {
    name: "merge tags",
    allowed: EDITORS,
    setup: async () => {
      const a = await createTerm({ actor: actors.EDITOR, input: { kind: "tag", name: `A ${uniqueId()}` } });
      const b = await createTerm({ actor: actors.EDITOR, input: { kind: "tag", name: `B ${uniqueId()}` } });
      return { run: (actor) => mergeTags({ actor, input: { source: a.slug, target: b.slug } }), state: () => db().tag.count({ where: { id: a.id } }), audit: { targetId: a.id, action: "tag.merge" } };
    },
  },
  {
    name: "delete a category",
    allowed: EDITORS,
    setup: async () => {
      const c = await createTerm({ actor: actors.EDITOR, input: { kind: "category", name: `Del ${uniqueId()}` } });
      return { run: (actor) => deleteTerm({ actor, input: { kind: "category", id: c.id } }), state: () => db().category.count({ where: { id: c.id } }), audit: { targetId: c.id, action: "category.delete" } };
    },
  },
  { name: "list categories and tags for managing", allowed: EDITORS, setup: async () => ({ run: (actor) => listTermsForAdmin(actor, "tag") }) },
];

describe("admin actions × roles", () => {
  for (const testCase of CASES) {
    for (const role of ROLES) {
      const allowed = testCase.allowed.includes(role);
      it(`[${role}] ${allowed ? "can" : "cannot"} ${testCase.name}`, async () => {
        const { run, state, audit } = await testCase.setup();
        const actor = actors[role];
        const before = await state?.();
        const auditsBefore = audit ? await db().auditLog.count({ where: { targetId: audit.targetId, action: audit.action } }) : 0;
        if (allowed) {
          await run(actor);
          if (state) expect(await state()).not.toEqual(before);
          if (audit) {
            const rows = await db().auditLog.findMany({ where: { targetId: audit.targetId, action: audit.action, actorId: actor.id } });
            expect(rows).toHaveLength(1);
            expect(rows[0]!.changes).toBeTruthy();
          }
        } else {
          const error = await run(actor).then(
            () => null,
            (e: unknown) => e,
          );
          expect(error).toBeInstanceOf(AppError);
          expect(["FORBIDDEN", "NOT_FOUND"]).toContain((error as AppError).code);
          if (state) expect(await state()).toEqual(before);
          if (audit) expect(await db().auditLog.count({ where: { targetId: audit.targetId, action: audit.action } })).toBe(auditsBefore);
        }
      });
    }
  }

  // Signed out (an adapter that lost the session still calls with no actor): refused before anything is read or written.
  for (const testCase of CASES) {
    it(`[ANONYMOUS] cannot ${testCase.name}: UNAUTHENTICATED, nothing changed`, async () => {
      const { run, state, audit } = await testCase.setup();
      const before = await state?.();
      const auditsBefore = audit ? await db().auditLog.count({ where: { targetId: audit.targetId, action: audit.action } }) : 0;
      for (const missing of [null, undefined]) {
        const error = await run(missing as unknown as Actor).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("UNAUTHENTICATED");
      }
      if (state) expect(await state()).toEqual(before);
      if (audit) expect(await db().auditLog.count({ where: { targetId: audit.targetId, action: audit.action } })).toBe(auditsBefore);
    });
  }
});
