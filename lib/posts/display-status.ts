import type { PostStatus } from "@/generated/prisma/enums";

export type DisplayStatus = PostStatus | "SCHEDULED";

export const DISPLAY_STATUS_LABELS: Record<DisplayStatus, string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  SCHEDULED: "Scheduled",
  PUBLISHED: "Published",
  REJECTED: "Rejected",
  ARCHIVED: "Archived",
};

/** A published post whose publishedAt is still ahead is shown as Scheduled. */
export function displayStatus(post: { status: PostStatus; publishedAt: Date | null }, now = new Date()): DisplayStatus {
  if (post.status === "PUBLISHED" && post.publishedAt && post.publishedAt > now) return "SCHEDULED";
  return post.status;
}
