import type { Actor } from "@/lib/authz/permissions";
import { listReviewQueue, type ReviewQueueItem } from "@/lib/review/list-review-queue";

/**
 * Every page of the review queue, in order. Test files run side by side and
 * their submissions fill (and leave) the same queue: a read during which the
 * count changed is read again, so no row is skipped or seen twice.
 */
export async function wholeReviewQueue(editor: Actor): Promise<ReviewQueueItem[]> {
  for (let attempt = 0; ; attempt++) {
    const first = await listReviewQueue(editor, { page: 1 });
    const items = [...first.items];
    for (let page = 2; page <= first.pages; page++) items.push(...(await listReviewQueue(editor, { page })).items);
    const after = await listReviewQueue(editor, { page: 1 });
    if ((after.total === first.total && items.length === first.total) || attempt === 9) return items;
  }
}
