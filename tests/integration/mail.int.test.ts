import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { runDueJobs, startJobWorker } from "@/lib/jobs/worker";
import { MAIL_MAX_ATTEMPTS } from "@/lib/mail/enqueue-mail";
import { ERASED_TEXT } from "@/lib/mail/deliver-mail";
import { listMail } from "@/lib/mail/list-mail";
import { sendCommentDigests } from "@/lib/mail/comment-digest";
import { FORGOT_PASSWORD_ANSWER, FORGOT_PASSWORD_LIMITS, MAIL_DELAYED_NOTE, requestPasswordReset } from "@/lib/users/request-password-reset";
import { resetPasswordWithToken } from "@/lib/users/reset-password-with-token";
import { inviteUser } from "@/lib/users/invite-user";
import { listUsers } from "@/lib/users/list-users";
import { suspendUser } from "@/lib/users/suspend-user";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { updateProfile } from "@/lib/users/update-profile";
import { createTestComment, createTestPost, createTestUser, uniqueId } from "@/tests/support/factories";
import { deadSmtpUrl, startTestSmtpServer } from "@/tests/support/smtp";
import type { Actor } from "@/lib/authz/permissions";

/**
 * Email end to end: use case → MailMessage + graphile-worker job (one
 * transaction) → the worker (run here with runDueJobs) → a real SMTP server
 * started by the test on a free port, or the outbox without SMTP_URL.
 */
const NEW_PASSWORD = "a-brand-new-passphrase-77";
let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
let admin: Actor;

const dbUrl = () => process.env.DATABASE_URL!;
const ip = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}-${uniqueId()}`;
function useSmtp(url: string | undefined) {
  if (url) process.env.SMTP_URL = url;
  else delete process.env.SMTP_URL;
  resetEnvCache();
}
const tokenFrom = (text: string, route: "reset-password" | "invite") => {
  const match = new RegExp(`https?://[^\\s"<>]+/${route}/([A-Za-z0-9_-]{20,})`).exec(text);
  if (!match) throw new Error(`No /${route}/ link in:\n${text}`);
  return { url: match[0], token: match[1]! };
};
async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: dbUrl() });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
const jobsFor = (messageId: string) =>
  sql<{ attempts: number; max_attempts: number; last_error: string | null }>(
    "SELECT attempts, max_attempts, last_error FROM graphile_worker._private_jobs WHERE payload->>'messageId' = $1",
    [messageId],
  );

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  admin = await createTestUser({ role: "ADMIN" });
});
afterEach(() => useSmtp(undefined));
afterAll(async () => {
  await smtp.close();
});

describe("forgot password", () => {
  it("[READER] gets a mail over SMTP whose link works once; the second use is refused", async () => {
    useSmtp(smtp.url);
    const user = await createTestUser();
    const answer = await requestPasswordReset({ email: user.email.toUpperCase() }, ip());
    expect(answer.message).toBe(FORGOT_PASSWORD_ANSWER);
    // Queued, not sent by the request.
    expect(smtp.to(user.email)).toHaveLength(0);
    const queued = await db().mailMessage.findFirstOrThrow({ where: { to: user.email } });
    expect(queued).toMatchObject({ kind: "password-reset", status: "QUEUED", attempts: 0 });

    await runDueJobs(dbUrl());
    const mails = smtp.to(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.decoded).toMatch(/Subject: Reset your .* password/);
    const { url, token } = tokenFrom(mails[0]!.decoded, "reset-password");
    expect(url.startsWith(process.env.SITE_URL ?? "http://localhost:3000")).toBe(true);

    const sent = await db().mailMessage.findUniqueOrThrow({ where: { id: queued.id } });
    expect(sent).toMatchObject({ status: "SENT", transport: "smtp", attempts: 1, lastError: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    // Delivered: the database no longer holds the link, only its hash.
    expect(sent.text).toBe(ERASED_TEXT);
    expect(sent.html).not.toContain(token);

    await resetPasswordWithToken({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    await expect(signInWithPassword({ email: user.email, password: NEW_PASSWORD }, ip())).resolves.toMatchObject({ id: user.id });
    const again = await resetPasswordWithToken({ token, password: `${NEW_PASSWORD}-x`, confirm: `${NEW_PASSWORD}-x` }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).code).toBe("INVALID");
    // Nothing else went out, and the job is gone from the queue.
    expect(smtp.to(user.email)).toHaveLength(1);
    expect(await jobsFor(queued.id)).toHaveLength(0);
  });

  it("[ANONYMOUS] an unknown address gets the same answer and no mail, no token, no job", async () => {
    useSmtp(smtp.url);
    const email = `${uniqueId("nobody")}@example.test`;
    const answer = await requestPasswordReset({ email }, ip());
    expect(answer.message).toBe(FORGOT_PASSWORD_ANSWER);
    expect(await db().mailMessage.count({ where: { to: email } })).toBe(0);
    await runDueJobs(dbUrl());
    expect(smtp.to(email)).toHaveLength(0);
  });

  it("[READER] a suspended account gets the same answer and nothing", async () => {
    useSmtp(smtp.url);
    const user = await createTestUser();
    await suspendUser({ actor: admin, input: { userId: user.id } });
    expect((await requestPasswordReset({ email: user.email }, ip())).message).toBe(FORGOT_PASSWORD_ANSWER);
    expect(await db().passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().mailMessage.count({ where: { to: user.email } })).toBe(0);
  });

  it("[READER] a newer link cancels the older one", async () => {
    useSmtp(smtp.url);
    const user = await createTestUser();
    await requestPasswordReset({ email: user.email }, ip());
    await requestPasswordReset({ email: user.email }, ip());
    await runDueJobs(dbUrl());
    const [first, second] = smtp.to(user.email).map((mail) => tokenFrom(mail.decoded, "reset-password").token);
    expect(first && second && first !== second).toBe(true);
    await expect(resetPasswordWithToken({ token: first!, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toMatchObject({ code: "INVALID" });
    await expect(resetPasswordWithToken({ token: second!, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).resolves.toMatchObject({ email: user.email });
  });

  it("[ANONYMOUS] is limited per address silently and per IP with a message", async () => {
    const user = await createTestUser();
    for (let i = 0; i < FORGOT_PASSWORD_LIMITS.perAddress.limit + 2; i++) {
      expect((await requestPasswordReset({ email: user.email }, ip())).message).toBe(FORGOT_PASSWORD_ANSWER);
    }
    expect(await db().mailMessage.count({ where: { to: user.email } })).toBe(FORGOT_PASSWORD_LIMITS.perAddress.limit);

    const sameIp = ip();
    for (let i = 0; i < FORGOT_PASSWORD_LIMITS.perIp.limit; i++) await requestPasswordReset({ email: `${uniqueId()}@example.test` }, sameIp);
    await expect(requestPasswordReset({ email: `${uniqueId()}@example.test` }, sameIp)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("[ANONYMOUS] a malformed address is a field error, not a 500", async () => {
    await expect(requestPasswordReset({ email: "not-an-address" }, ip())).rejects.toMatchObject({ code: "INVALID", fieldErrors: { email: ["Enter a valid email address."] } });
  });
});

describe("the queue is transactional", () => {
  beforeAll(async () => {
    // Make add_job fail for one recipient, after the token and the message row were written in the same transaction.
    await sql(`
      CREATE OR REPLACE FUNCTION public.test_fail_enqueue() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM public."MailMessage" m WHERE m.id = NEW.payload->>'messageId' AND m."to" LIKE 'failenqueue%') THEN
          RAISE EXCEPTION 'simulated queue failure';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await sql(`CREATE TRIGGER test_fail_enqueue BEFORE INSERT ON graphile_worker._private_jobs FOR EACH ROW EXECUTE FUNCTION public.test_fail_enqueue()`);
  });
  afterAll(async () => {
    await sql(`DROP TRIGGER IF EXISTS test_fail_enqueue ON graphile_worker._private_jobs`);
    await sql(`DROP FUNCTION IF EXISTS public.test_fail_enqueue()`);
  });

  it("[READER] a failure after the token was created leaves no token, no message and no job", async () => {
    const user = await db().user.create({ data: { email: `${uniqueId("failenqueue")}@example.test`, username: uniqueId("fe"), displayName: "Fails Enqueue", passwordHash: null } });
    await expect(requestPasswordReset({ email: user.email }, ip())).rejects.toThrow(/simulated queue failure/);
    expect(await db().passwordResetToken.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().mailMessage.count({ where: { to: user.email } })).toBe(0);
  });

  it("[ADMIN] a failed invitation leaves no account, no link and no audit row", async () => {
    const email = `${uniqueId("failenqueue")}@example.test`;
    await expect(inviteUser({ actor: admin, input: { email, displayName: "Never Invited", role: "AUTHOR" } })).rejects.toThrow(/simulated queue failure/);
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect(await db().mailMessage.count({ where: { to: email } })).toBe(0);
  });
});

describe("delivery failures", () => {
  it("[ADMIN] an SMTP server that is down: the job is retried, attempts and the error are counted and shown in the outbox, and the last attempt marks it failed", async () => {
    useSmtp(await deadSmtpUrl());
    const user = await createTestUser();
    await requestPasswordReset({ email: user.email }, ip());
    const message = await db().mailMessage.findFirstOrThrow({ where: { to: user.email } });

    await runDueJobs(dbUrl());
    let row = await db().mailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toMatch(/ECONNREFUSED/);
    let [job] = await jobsFor(message.id);
    expect(job).toMatchObject({ attempts: 1, max_attempts: MAIL_MAX_ATTEMPTS });
    // The token is kept: the mail is still on its way.
    expect(await db().passwordResetToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);

    // The forgot-password answer now warns that mail is slow (for every address alike).
    expect((await requestPasswordReset({ email: `${uniqueId()}@example.test` }, ip())).message).toBe(`${FORGOT_PASSWORD_ANSWER} ${MAIL_DELAYED_NOTE}`);

    // Retry now rather than after the back-off.
    await sql("UPDATE graphile_worker._private_jobs SET run_at = now() WHERE payload->>'messageId' = $1", [message.id]);
    await runDueJobs(dbUrl());
    row = await db().mailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 2 });
    [job] = await jobsFor(message.id);
    expect(job!.attempts).toBe(2);

    let outbox = await listMail(admin, { page: 1, status: undefined });
    expect(outbox.counts.retrying).toBeGreaterThanOrEqual(1);
    expect(outbox.messages.find((m) => m.id === message.id)).toMatchObject({ attempts: 2, status: "QUEUED" });
    // With SMTP configured the outbox does not show content.
    expect(outbox.smtpConfigured).toBe(true);
    expect(outbox.messages.find((m) => m.id === message.id)!.text).toBeNull();

    // The last allowed attempt gives up: FAILED, counted for admins.
    await sql("UPDATE graphile_worker._private_jobs SET run_at = now(), max_attempts = 3 WHERE payload->>'messageId' = $1", [message.id]);
    await runDueJobs(dbUrl());
    row = await db().mailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 3 });
    outbox = await listMail(admin, { page: 1, status: "FAILED" });
    expect(outbox.counts.FAILED).toBeGreaterThanOrEqual(1);
    expect(outbox.messages.map((m) => m.id)).toContain(message.id);
    expect(outbox.messages.find((m) => m.id === message.id)!.lastError).toMatch(/ECONNREFUSED/);
  });

  it("[ADMIN] once the server is back, a queued message goes out on its next attempt", async () => {
    useSmtp(await deadSmtpUrl());
    const user = await createTestUser();
    await requestPasswordReset({ email: user.email }, ip());
    await runDueJobs(dbUrl());
    const message = await db().mailMessage.findFirstOrThrow({ where: { to: user.email } });
    expect(message.attempts).toBe(1);
    useSmtp(smtp.url);
    await sql("UPDATE graphile_worker._private_jobs SET run_at = now() WHERE payload->>'messageId' = $1", [message.id]);
    await runDueJobs(dbUrl());
    expect(await db().mailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
    expect(smtp.to(user.email)).toHaveLength(1);
  });
});

describe("the outbox without SMTP_URL", () => {
  it("[ADMIN] reads the message and its link in the outbox; nothing is sent anywhere", async () => {
    useSmtp(undefined);
    const user = await createTestUser();
    await requestPasswordReset({ email: user.email }, ip());
    await runDueJobs(dbUrl());
    const outbox = await listMail(admin, { page: 1, status: undefined });
    expect(outbox.smtpConfigured).toBe(false);
    const message = outbox.messages.find((m) => m.to === user.email)!;
    expect(message).toMatchObject({ status: "SENT", transport: "outbox", attempts: 1 });
    const { token } = tokenFrom(message.text!, "reset-password");
    await expect(resetPasswordWithToken({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).resolves.toMatchObject({ email: user.email });
    expect(smtp.to(user.email)).toHaveLength(0);
  });

  it("[EDITOR] cannot read the outbox", async () => {
    const editor = await createTestUser({ role: "EDITOR" });
    await expect(listMail(editor, { page: 1, status: undefined })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("invitations", () => {
  it("[ADMIN] invites by email with a role: the mail's link sets the password, then sign-in works", async () => {
    useSmtp(smtp.url);
    const email = `${uniqueId("invitee")}@example.test`;
    const { user } = await inviteUser({ actor: admin, input: { email: ` ${email.toUpperCase()} `, displayName: "Ines Invited", role: "AUTHOR" } });
    expect(user).toMatchObject({ email, role: "AUTHOR", passwordHash: null, status: "ACTIVE" });
    expect(user.invitedAt).toBeInstanceOf(Date);
    // A pending account cannot sign in.
    await expect(signInWithPassword({ email, password: NEW_PASSWORD }, ip())).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "user.invite", targetId: user.id } });
    expect(audit.actorId).toBe(admin.id);

    await runDueJobs(dbUrl());
    const [mail] = smtp.to(email);
    expect(mail!.decoded).toMatch(/Subject: You're invited to/);
    expect(mail!.decoded).toContain("as an author");
    const { token } = tokenFrom(mail!.decoded, "invite");
    await resetPasswordWithToken({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    await expect(signInWithPassword({ email, password: NEW_PASSWORD }, ip())).resolves.toMatchObject({ id: user.id });
    await expect(resetPasswordWithToken({ token, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toMatchObject({ code: "INVALID" });
    expect(await db().auditLog.count({ where: { action: "user.inviteAccepted", targetId: user.id, actorId: user.id } })).toBe(1);
  });

  it("[ADMIN] the users list marks an invitation as pending until its link is used", async () => {
    useSmtp(undefined);
    const email = `${uniqueId("pending")}@example.test`;
    await inviteUser({ actor: admin, input: { email, displayName: "Pat Pending", role: "CONTRIBUTOR" } });
    const listed = async () => (await listUsers(admin, { q: email, page: 1 })).users[0]!;
    expect(await listed()).toMatchObject({ email, role: "CONTRIBUTOR", invitePending: true });
    expect(Object.keys(await listed())).not.toContain("passwordHash");
    await runDueJobs(dbUrl());
    const message = (await listMail(admin, { page: 1, status: undefined })).messages.find((m) => m.to === email)!;
    await resetPasswordWithToken({ token: tokenFrom(message.text!, "invite").token, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect((await listed()).invitePending).toBe(false);
  });

  it("[ADMIN] re-inviting cancels the older link and updates the role; an address with a password is refused", async () => {
    useSmtp(smtp.url);
    const email = `${uniqueId("reinvite")}@example.test`;
    await inviteUser({ actor: admin, input: { email, displayName: "First Name", role: "CONTRIBUTOR" } });
    const again = await inviteUser({ actor: admin, input: { email, displayName: "Second Name", role: "EDITOR" } });
    expect(again.reinvited).toBe(true);
    expect(again.user).toMatchObject({ displayName: "Second Name", role: "EDITOR" });
    await runDueJobs(dbUrl());
    const [first, second] = smtp.to(email).map((mail) => tokenFrom(mail.decoded, "invite").token);
    await expect(resetPasswordWithToken({ token: first!, password: NEW_PASSWORD, confirm: NEW_PASSWORD })).rejects.toMatchObject({ code: "INVALID" });
    await resetPasswordWithToken({ token: second!, password: NEW_PASSWORD, confirm: NEW_PASSWORD });

    await expect(inviteUser({ actor: admin, input: { email, displayName: "Third", role: "READER" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const existing = await createTestUser();
    await expect(inviteUser({ actor: admin, input: { email: existing.email, displayName: "X", role: "READER" } })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("[ADMIN] a mail server that is down: the invitation is saved and the admin is told", async () => {
    useSmtp(await deadSmtpUrl());
    await inviteUser({ actor: admin, input: { email: `${uniqueId("down")}@example.test`, displayName: "Down One", role: "READER" } });
    await runDueJobs(dbUrl());
    const second = await inviteUser({ actor: admin, input: { email: `${uniqueId("down")}@example.test`, displayName: "Down Two", role: "READER" } });
    expect(second.mailTrouble?.error).toMatch(/ECONNREFUSED/);
  });
});

describe("daily comment digest", () => {
  it("[AUTHOR] opted-in authors get their pending comments; others, and authors with nothing pending, get nothing", async () => {
    useSmtp(smtp.url);
    const optedIn = await createTestUser({ role: "AUTHOR" });
    const notOptedIn = await createTestUser({ role: "AUTHOR" });
    const nothingPending = await createTestUser({ role: "AUTHOR" });
    for (const author of [optedIn, nothingPending]) {
      await updateProfile({ actor: author, input: { displayName: author.displayName, bio: "", removeAvatar: false, commentDigest: true, avatar: null } });
    }
    const post = await createTestPost({ author: optedIn, publish: true, input: { title: "Harbour <cranes> & tides" } });
    const otherPost = await createTestPost({ author: notOptedIn, publish: true });
    const quietPost = await createTestPost({ author: nothingPending, publish: true });
    const pending = await createTestComment({ postId: post.id, body: "Pending thought about the cranes" });
    await createTestComment({ postId: post.id, body: "Already approved comment", status: "APPROVED" });
    await createTestComment({ postId: otherPost.id, body: "Pending on someone who did not opt in" });
    await createTestComment({ postId: quietPost.id, body: "Approved on the quiet post", status: "APPROVED" });

    const now = new Date(Date.now() + 60_000);
    await sendCommentDigests({ now });
    // Run twice (a retried cron job): still one mail per author per day.
    await sendCommentDigests({ now });
    await runDueJobs(dbUrl());

    const mails = smtp.to(optedIn.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.decoded).toContain("Pending thought about the cranes");
    expect(mails[0]!.decoded).not.toContain("Already approved comment");
    expect(mails[0]!.decoded).toContain("Harbour &lt;cranes&gt; &amp; tides");
    expect(mails[0]!.decoded).toContain(`/posts/${post.slug}`);
    expect(smtp.to(notOptedIn.email)).toHaveLength(0);
    expect(smtp.to(nothingPending.email)).toHaveLength(0);
    expect(await db().mailMessage.count({ where: { userId: optedIn.id, kind: "comment-digest" } })).toBe(1);
    expect(pending.status).toBe("PENDING");
  });
});

describe("the worker", () => {
  it("[SYSTEM] a running worker delivers a queued message at once and, when stopped, finishes the job in flight first", async () => {
    const slow = await startTestSmtpServer({ delayMs: 1500 });
    useSmtp(slow.url);
    const worker = await startJobWorker({ connectionString: dbUrl(), crontab: false, log: () => {} });
    try {
      const user = await createTestUser();
      await requestPasswordReset({ email: user.email }, ip());
      const message = await db().mailMessage.findFirstOrThrow({ where: { to: user.email } });
      // add_job notifies the worker: it picks the job up without waiting for a poll.
      await expect.poll(async () => (await jobsFor(message.id))[0]?.attempts ?? 0, { timeout: 5_000, interval: 50 }).toBe(1);
      expect((await db().mailMessage.findUniqueOrThrow({ where: { id: message.id } })).status).toBe("QUEUED");
      // The SMTP server is still holding the message: stopping waits for it.
      await worker.stop();
      expect(await db().mailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "SENT", attempts: 1 });
      expect(slow.to(user.email)).toHaveLength(1);
    } finally {
      await worker.stop();
      await slow.close();
    }
  });
});
