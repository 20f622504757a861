import { describe, expect, it } from "vitest";
import { parseCrontab } from "graphile-worker";
import { CRONTAB, taskList } from "@/lib/jobs/worker";
import { COMMENT_DIGEST_TASK } from "@/lib/mail/comment-digest";
import { SEND_MAIL_TASK } from "@/lib/mail/enqueue-mail";

describe("the job queue's schedule", () => {
  it("runs the comment digest daily at 07:00 UTC, made up after up to 6 hours of downtime", () => {
    const [item] = parseCrontab(CRONTAB);
    expect(item).toMatchObject({ task: COMMENT_DIGEST_TASK, identifier: COMMENT_DIGEST_TASK });
    const at = (hour: number, min: number, dow = 3) => ({ min, hour, date: 26, month: 11, dow });
    expect(item!.match(at(7, 0))).toBe(true);
    expect(item!.match(at(7, 0, 0))).toBe(true);
    expect(item!.match(at(7, 1))).toBe(false);
    expect(item!.match(at(19, 0))).toBe(false);
    expect(item!.options.backfillPeriod).toBe(6 * 60 * 60 * 1000);
    expect(item!.options.maxAttempts).toBe(3);
  });
  it("has a handler for every task it queues", () => {
    expect(Object.keys(taskList).sort()).toEqual([COMMENT_DIGEST_TASK, SEND_MAIL_TASK].sort());
  });
});
