import "server-only";
import { run, runOnce, type Runner, type TaskList } from "graphile-worker";
import { quietJobLogger } from "@/lib/jobs/install";
import { deliverMail } from "@/lib/mail/deliver-mail";
import { SEND_MAIL_TASK } from "@/lib/mail/enqueue-mail";
import { COMMENT_DIGEST_TASK, sendCommentDigests } from "@/lib/mail/comment-digest";

/**
 * The background job queue: graphile-worker, in its own schema
 * (`graphile_worker`) of the app's database. Jobs are added with SQL inside
 * the transaction that needs them (lib/mail/enqueue-mail.ts); every app
 * instance runs a worker (instrumentation.ts), and PostgreSQL's row locks
 * give each job to exactly one of them. See lib/jobs/README.md.
 */

/** Every day at 07:00 UTC; after downtime, a run missed in the last 6 hours is made up. */
export const CRONTAB = `0 7 * * * ${COMMENT_DIGEST_TASK} ?fill=6h&max=3`;

export const taskList: TaskList = {
  [SEND_MAIL_TASK]: async (payload, helpers) => {
    const messageId = (payload as { messageId?: unknown } | null)?.messageId;
    if (typeof messageId !== "string") throw new Error(`${SEND_MAIL_TASK}: payload without messageId`);
    await deliverMail(messageId, { attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts });
  },
  [COMMENT_DIGEST_TASK]: async (payload) => {
    // A cron run carries the time it stands for (also when made up after downtime).
    const ts = (payload as { _cron?: { ts?: string } } | null)?._cron?.ts;
    await sendCommentDigests({ now: ts ? new Date(ts) : new Date() });
  },
};

export type JobWorker = { stop: () => Promise<void>; runner: Runner };

/**
 * Starts this instance's worker. `stop()` stops taking jobs and resolves once
 * the jobs in flight have finished. Signals are handled by the caller
 * (instrumentation.ts), not by graphile-worker, which would re-raise them.
 */
export async function startJobWorker(options: { connectionString: string; concurrency?: number; crontab?: boolean; log?: (line: string) => void }): Promise<JobWorker> {
  const runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 2,
    maxPoolSize: (options.concurrency ?? 2) + 2,
    pollInterval: 2_000,
    noHandleSignals: true,
    taskList,
    crontab: options.crontab === false ? "" : CRONTAB,
    logger: quietJobLogger(options.log ?? console.error),
  });
  let stopping: Promise<void> | null = null;
  return {
    runner,
    stop: () => (stopping ??= runner.stop()),
  };
}

/** Runs every job that is due now, then returns (tests; a one-off drain). */
export async function runDueJobs(connectionString: string, log: (line: string) => void = () => {}): Promise<void> {
  await runOnce({ connectionString, taskList, noHandleSignals: true, logger: quietJobLogger(log) });
}
